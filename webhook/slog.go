package webhook

import (
	"context"
	"log/slog"

	"github.com/rs/zerolog"
)

// slogFor adapts a zerolog logger for river, which logs through slog. Only
// warnings and errors pass: river's info lines are about its internals.
func slogFor(l zerolog.Logger) *slog.Logger {
	return slog.New(&zerologHandler{l: l})
}

type zerologHandler struct {
	l     zerolog.Logger
	attrs []slog.Attr
	group string
}

func (h *zerologHandler) Enabled(_ context.Context, lvl slog.Level) bool {
	return lvl >= slog.LevelWarn
}

func (h *zerologHandler) Handle(_ context.Context, r slog.Record) error {
	ev := h.l.Warn()
	if r.Level >= slog.LevelError {
		ev = h.l.Error()
	}
	add := func(a slog.Attr) bool {
		key := a.Key
		if h.group != "" {
			key = h.group + "." + key
		}
		ev = ev.Interface(key, a.Value.Any())
		return true
	}
	for _, a := range h.attrs {
		add(a)
	}
	r.Attrs(add)
	ev.Msg(r.Message)
	return nil
}

func (h *zerologHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &zerologHandler{l: h.l, attrs: append(append([]slog.Attr(nil), h.attrs...), attrs...), group: h.group}
}

func (h *zerologHandler) WithGroup(name string) slog.Handler {
	g := name
	if h.group != "" {
		g = h.group + "." + name
	}
	return &zerologHandler{l: h.l, attrs: h.attrs, group: g}
}
