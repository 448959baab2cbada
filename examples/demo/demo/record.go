package demo

import (
	"net/http"
	"strconv"
	"time"

	cors "github.com/corskit/corskit/core"
)

// An Event is one decision of the API's CORS policy, as the page shows it.
type Event struct {
	// Time is when the API received the request, as hh:mm:ss.mmm.
	Time string `json:"time"`
	// Method and Path are the request's.
	Method string `json:"method"`
	Path   string `json:"path"`
	// RID is the page's name for the click that sent the request, from
	// the query parameter rid.
	RID string `json:"rid"`
	// Origin is the request's first Origin line, if any.
	Origin string `json:"origin"`
	// Allowed reports whether the policy allowed the request.
	Allowed bool `json:"allowed"`
	// Summary is the decision and its reason, such as `preflight
	// rejected: request header not allowed: "x-debug"`.
	Summary string `json:"summary"`
	// Outcome says what happened to the request next.
	Outcome string `json:"outcome"`
	// Headers are the response header fields corskit set, in order.
	Headers [][2]string `json:"headers"`
}

// newEvent describes decision d, made for req with the given path and rid.
func newEvent(d cors.Decision, req cors.Request, path, rid string) Event {
	e := Event{
		Time:    time.Now().Format("15:04:05.000"),
		Method:  req.Method,
		Path:    path,
		RID:     rid,
		Allowed: d.Allowed,
		Summary: d.String(),
		Outcome: outcome(d),
		Headers: [][2]string{},
	}
	if len(req.Origin) > 0 {
		e.Origin = req.Origin[0]
	}
	for name, value := range d.Fields() {
		e.Headers = append(e.Headers, [2]string{name, value})
	}
	if d.Vary != "" {
		e.Headers = append(e.Headers, [2]string{"Vary", d.Vary})
	}
	return e
}

// outcome says, for a newcomer, what happens to a request after decision d.
func outcome(d cors.Decision) string {
	switch {
	case d.Status != 0 && d.Allowed:
		return "corskit answered " + strconv.Itoa(d.Status) + " itself: the browser may now send the request"
	case d.Status >= 200 && d.Status < 300:
		return refusal(d)
	case d.Status != 0:
		return "corskit answered " + strconv.Itoa(d.Status) + " itself, without CORS headers: the browser will not send the request"
	case d.Kind == cors.NotCORS:
		return "not a CORS request: the handler ran"
	case d.Allowed:
		return "the handler ran; the CORS headers let the page read the response"
	default:
		return "the handler ran, but without CORS headers the browser hides the response from the page"
	}
}

// refusal explains a rejected preflight that corskit answered with a 2xx
// status: it allows the origin, not the method or header asked for, and
// says so in a way the browser can name.
func refusal(d cors.Decision) string {
	answered := "corskit answered " + strconv.Itoa(d.Status) + " itself"
	field, what := "Access-Control-Allow-Headers", "header"
	switch d.Reason {
	case cors.ReasonHeaderNotAllowed:
	case cors.ReasonMethodNotAllowed:
		field, what = "Access-Control-Allow-Methods", "method"
	default:
		return answered + ", without granting what the preflight asked: the browser will not send the request"
	}
	return answered + ", with Access-Control-Allow-Origin but without " + d.Value + " in " + field +
		": the browser will not send the request, and its console names the " + what
}

// Line is the event as one line of the terminal log.
func (e Event) Line() string {
	from := "without Origin"
	if e.Origin != "" {
		from = "from " + e.Origin
	}
	return "corskit: " + e.Method + " " + e.Path + " " + from + ": " + e.Summary
}

// record returns next with every request's decision published to log
// first. It only observes: the framework's own corskit middleware, inside
// next, applies the same policy.
func record(policy *cors.Policy, log *broker, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := cors.RequestFromHTTP(r)
		log.publish(newEvent(policy.Decide(req), req, r.URL.Path, r.URL.Query().Get("rid")))
		next.ServeHTTP(w, r)
	})
}
