package analyzer

import "testing"

// funcsByName indexes the functions of f by "Class.name" for methods,
// "outer.name" for nested functions and "name" for the others.
func funcsByName(f *File) map[string]*Func {
	out := map[string]*Func{}
	for _, s := range f.Funcs {
		name := s.Name()
		if c := s.Class(); c != nil {
			name = c.Field("name").Text() + "." + name
		} else if s.Parent != nil && s.Parent.Kind == ScopeFunction {
			name = s.Parent.Name() + "." + name
		}
		out[name] = s.Func()
	}
	return out
}

func TestTorchServeHandlers(t *testing.T) {
	cases := []struct {
		name, src string
		want      map[string]RouteKind // functions not listed must be NotRoute
		startup   []string
	}{
		{
			name: "BaseHandler subclass",
			src: `import io
import torch
from ts.torch_handler.base_handler import BaseHandler

class H(BaseHandler):
    def initialize(self, context):
        pass
    def handle(self, data, context):
        pass
    def preprocess(self, requests):
        pass
    def inference(self, batch, *args, **kwargs):
        pass
    def postprocess(self, out):
        pass
    def _helper(self, data):
        pass
    def explain_handle(self, data, raw):
        pass
`,
			want:    map[string]RouteKind{"H.handle": RouteTorchServe, "H.preprocess": RouteTorchServe, "H.inference": RouteTorchServe, "H.postprocess": RouteTorchServe},
			startup: []string{"H.initialize"},
		},
		{
			name: "default handlers, module alias and a local intermediate class",
			src: `import ts.torch_handler.base_handler as bh
from ts.torch_handler.image_classifier import ImageClassifier
from ts.torch_handler.text_handler import TextHandler

class Base(bh.BaseHandler):
    pass

class Mine(Base):
    def preprocess(self, data):
        pass

class Deeper(Mine):
    def handle(self, data, ctx):
        pass

class Img(ImageClassifier):
    def postprocess(self, data):
        pass

class Txt(TextHandler):
    def inference(self, data):
        pass
    def initialize(self, ctx):
        pass
`,
			want: map[string]RouteKind{"Mine.preprocess": RouteTorchServe, "Deeper.handle": RouteTorchServe,
				"Img.postprocess": RouteTorchServe, "Txt.inference": RouteTorchServe},
			startup: []string{"Txt.initialize"},
		},
		{
			name: "function handler",
			src: `import ts
from ts.context import Context

def handle(data, context):
    pass

def handle_other(data, context):
    pass

class Holder:
    def handle(self, data, context):
        pass

def outer():
    def handle(data, context):
        pass
`,
			want: map[string]RouteKind{"handle": RouteTorchServe},
		},
		{
			name: "look-alikes",
			src: `import ts
from mylib.handlers import BaseHandler
from tornado.web import RequestHandler

class Local:
    pass

class BaseHandler2(Local):
    pass

class A(BaseHandler):
    def handle(self, data, context):
        pass
    def preprocess(self, data):
        pass

class B(RequestHandler):
    def handle(self, data, context):
        pass

class C(BaseHandler2):
    def inference(self, data):
        pass
    def initialize(self, context):
        pass

def handle(event):
    pass
`,
		},
		{
			name: "module not importing ts",
			src: `def handle(data, context):
    pass

class BaseHandler:
    pass

class H(BaseHandler):
    def handle(self, data, context):
        pass
    def initialize(self, context):
        pass
`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := parseFile(t, tc.src)
			startup := map[string]bool{}
			for _, s := range tc.startup {
				startup[s] = true
			}
			for name, fn := range funcsByName(f) {
				if got, want := fn.Route, tc.want[name]; got != want {
					t.Errorf("%s: route = %d, want %d", name, got, want)
				}
				if fn.StartupHook != startup[name] {
					t.Errorf("%s: startup hook = %v, want %v", name, fn.StartupHook, startup[name])
				}
			}
		})
	}
}

func TestTaintTorchServe(t *testing.T) {
	src := `import io
import json
import torch
from ts.torch_handler.base_handler import BaseHandler
from ts.torch_handler.vision_handler import VisionHandler

class H(BaseHandler):
    def handle(self, data, context):
        sink(data)                                      # T1 whole request batch
        sink(io.BytesIO(data[0]["body"]))               # T2
        sink(context)                                   # T3 TorchServe context
        sink(context.system_properties["model_dir"])    # T4
        return self.postprocess(self.inference(self.preprocess(data)))

    def preprocess(self, requests):
        for row in requests:
            payload = row.get("data") or row.get("body")
            sink(payload)                               # T5
            sink(torch.load(io.BytesIO(payload)))       # T6 a call: no propagation
        sink(requests[0].get("body"))                   # T7
        sink(json.loads(requests[0]["data"]))           # T8 json.loads is not a shared propagator

    def inference(self, batch, *args, **kwargs):
        sink(batch)                                     # T9
        sink(kwargs)                                    # T10 other parameters (not ctx/context) too

    def initialize(self, ctx):
        sink(ctx)                                       # T11 startup hook: no request data

    def _decode(self, data):
        sink(data)                                      # T12 helper: taint is intra-procedural

class V(VisionHandler):
    def preprocess(self, data):
        sink(data[0]["data"])                           # T13

def handle(data, context):
    sink(data[0].get("body"))                           # T14 function handler
    sink(context)                                       # T15

class Unrelated:
    def handle(self, data, context):
        sink(data)                                      # T16
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# T1": WebBody, "# T2": WebBody, "# T3": 0, "# T4": 0, "# T5": WebBody, "# T6": 0, "# T7": WebBody,
		"# T8": 0, "# T9": WebBody, "# T10": WebBody, "# T11": 0, "# T12": 0, "# T13": WebBody, "# T14": WebBody,
		"# T15": 0, "# T16": 0,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
		if got := taintOf(t, f, m, nil); (got&RemoteTaint != 0) != (w != 0) {
			t.Errorf("%s: REMOTE-TAINT = %v", m, got&RemoteTaint != 0)
		}
	}
}
