package cors

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
)

// maxLoggedValue bounds each string a log record carries: a request may
// send a megabyte of Origin, and the record needs only enough to find it.
const maxLoggedValue = 256

// logRejection logs a rejected request, if l logs debug records at all.
// The record holds copies of the request's strings: an adapter may pass
// strings that share buffers the server reuses (fasthttp), and a handler
// may keep the record after the request is done.
func logRejection(ctx context.Context, l *slog.Logger, d *Decision, req *Request) {
	if !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	l.LogAttrs(ctx, slog.LevelDebug, "cors: request rejected",
		slog.String("kind", d.Kind.String()),
		slog.String("reason", d.Reason.String()),
		slog.String("value", loggable(d.Value)),
		slog.String("method", loggable(req.Method)),
		slog.String("path", loggable(req.Path)))
}

// loggable returns a copy of s, cut to maxLoggedValue bytes with a marker
// saying how long it was.
func loggable(s string) string {
	if len(s) <= maxLoggedValue {
		return strings.Clone(s)
	}
	return s[:maxLoggedValue] + "...[cut: " + strconv.Itoa(len(s)) + " bytes]"
}
