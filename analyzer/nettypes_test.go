package analyzer

import "testing"

// TestNetTaintSources: the NET-TAINT sources of §3.5 through the bindings
// servers and async clients use (unpacked accept(), awaited responses,
// Context.instance(), create_server, asyncio contexts).
func TestNetTaintSources(t *testing.T) {
	src := `import socket, zmq, httpx, aiohttp, requests, urllib.request
import zmq.asyncio

def server():
    s = socket.socket()
    conn, addr = s.accept()
    sink(conn.recv(10))                # N1 unpacked accept()
    sink(addr)                         # N2 the address is not a socket
    srv = socket.create_server(("", 1))
    (c2, _) = srv.accept()
    sink(c2.recv(10))                  # N3
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.PULL)
    sink(sock.recv())                  # N4
    sock2 = zmq.Context().socket(zmq.PULL)
    sink(sock2.recv_multipart())       # N5
    sink(zmq.Context.instance().socket(zmq.SUB).recv_string())  # N6
    data, peer = s.recvfrom(10)
    sink(data)                         # N7
    a, b = make_pair()
    sink(a.recv(1))                    # N8 unknown unpacked call

async def clients(url):
    async with httpx.AsyncClient() as client:
        r = await client.get(url)
        sink(r.content)                # N9 awaited httpx response
        r2 = await client.put(url)
        sink(r2.json())                # N10
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            sink(await resp.read())    # N11
        resp2 = await session.post(url)
        sink(await resp2.read())       # N12
    actx = zmq.asyncio.Context()
    asock = actx.socket(zmq.PULL)
    sink(await asock.recv())           # N13
    with urllib.request.urlopen(url) as u:
        sink(u.read())                 # N14
    sink(requests.session().get(url).content)  # N15
    sink(r.status_code)                # N16
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# N1": Net, "# N2": 0, "# N3": Net, "# N4": Net, "# N5": Net, "# N6": Net, "# N7": Net, "# N8": 0,
		"# N9": Net, "# N10": Net, "# N11": Net, "# N12": Net, "# N13": Net, "# N14": Net, "# N15": Net, "# N16": 0,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
}

// TestNetTaintPropagators: AIML192's decoders propagate only through a
// rule's TaintSpec, never globally.
func TestNetTaintPropagators(t *testing.T) {
	src := `import base64, zlib, gzip, io, socket

def f(sock: socket.socket):
    raw = sock.recv(1 << 20)
    sink(base64.b64decode(raw))                        # D1
    sink(io.BytesIO(zlib.decompress(bytes(raw))))      # D2
    sink(gzip.decompress(raw))                         # D3
`
	f := parseFile(t, src)
	spec := &TaintSpec{Propagators: Set([]string{"base64.b64decode", "zlib.decompress", "gzip.decompress"})}
	for _, m := range []string{"# D1", "# D2", "# D3"} {
		if got := taintOf(t, f, m, nil); got != 0 {
			t.Errorf("%s: default taint = %b, want 0", m, got)
		}
		if got := taintOf(t, f, m, spec); got != Net {
			t.Errorf("%s: taint with decoders = %b, want Net", m, got)
		}
	}
}
