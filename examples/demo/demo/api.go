package demo

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync/atomic"
)

// Names shared by the page and the API.
const (
	// tokenHeader is the custom request header the policy allows.
	tokenHeader = "X-Demo-Token"
	// sessionCookie is the cookie the login endpoint sets.
	sessionCookie = "demo_session"
	// maxBody bounds the request bodies the API reads.
	maxBody = 1 << 16
)

// api holds the demo API's behaviour, the same on every framework: each
// method returns the reply that the framework's handler sends.
type api struct {
	framework string
	requests  atomic.Int64
}

// A reply is a JSON response of the API.
type reply struct {
	status    int
	body      any
	requestID string
	cookie    *http.Cookie
}

func (a *api) reply(status int, body any) reply {
	return reply{status: status, body: body, requestID: strconv.FormatInt(a.requests.Add(1), 10)}
}

// hello answers GET /api/hello.
func (a *api) hello() reply {
	return a.reply(http.StatusOK, map[string]string{"message": "hello from " + a.framework})
}

// createItem answers POST /api/items, whose body is a JSON object.
func (a *api) createItem(body []byte) reply {
	var item map[string]any
	if err := json.Unmarshal(body, &item); err != nil {
		return a.reply(http.StatusBadRequest, map[string]string{"error": "the body is not a JSON object"})
	}
	return a.reply(http.StatusCreated, map[string]any{"created": item})
}

// updateItem answers PUT /api/items/{id}, which needs the token header.
func (a *api) updateItem(id, token string) reply {
	if token == "" {
		return a.reply(http.StatusUnauthorized, map[string]string{"error": "no " + tokenHeader + " header"})
	}
	return a.reply(http.StatusOK, map[string]string{"updated": id, "token": token})
}

// login answers POST /api/login: it sets the session cookie.
func (a *api) login() reply {
	r := a.reply(http.StatusOK, map[string]bool{"loggedIn": true})
	r.cookie = &http.Cookie{
		Name: sessionCookie, Value: "s" + r.requestID, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	}
	return r
}

// me answers GET /api/me with the session cookie the browser sent, if any.
func (a *api) me(session string) reply {
	if session == "" {
		return a.reply(http.StatusUnauthorized, map[string]string{"error": "no " + sessionCookie + " cookie"})
	}
	return a.reply(http.StatusOK, map[string]string{"user": "demo", "session": session})
}

// writeHTTP sends r with net/http.
func writeHTTP(w http.ResponseWriter, r reply) {
	if r.cookie != nil {
		http.SetCookie(w, r.cookie)
	}
	w.Header().Set("X-Request-Id", r.requestID)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(r.status)
	json.NewEncoder(w).Encode(r.body)
}
