package metrics

import (
	"context"
	"errors"
	stdlog "log"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// DefaultAddr is where metrics are served unless configured otherwise:
// loopback only, since the numbers describe the installation's activity and
// the endpoint has no authentication.
const DefaultAddr = "127.0.0.1:9090"

// Path is where the metrics handler is mounted.
const Path = "/metrics"

// Server serves metrics on a listener of its own, apart from the webhook
// receiver, so that exposing one does not expose the other.
type Server struct {
	srv *http.Server
	ln  net.Listener
}

// Start listens on addr (host:port; port 0 picks one) and serves h at Path
// in the background. An address that cannot be bound is an error now, not
// a log line later.
func Start(addr string, h http.Handler, logger zerolog.Logger) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+Path, h)
	logger = logger.With().Str("component", "metrics").Logger()
	s := &Server{
		ln: ln,
		srv: &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       2 * time.Minute,
			MaxHeaderBytes:    16 << 10,
			ErrorLog:          stdlog.New(logger, "", 0),
		},
	}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error().Err(err).Msg("metrics server stopped")
		}
	}()
	logger.Info().Str("addr", ln.Addr().String()).Str("path", Path).Msg("serving metrics")
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Shutdown stops accepting scrapes and waits for those in flight until ctx
// ends, then closes what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
		return err
	}
	return nil
}
