package main

import "github.com/corskit/corskit/bench"

// method writes how the figures are made.
func (m *md) method() {
	m.s(`## How it is measured

- **Policy** (the same for every implementation): 52 exact origins ` + "`https://app01.example.com`" + ` … ` + "`https://app52.example.com`" + `;
  methods GET, POST, PUT, DELETE; headers Content-Type, Authorization, X-Request-Id; credentials on;
  X-Request-Id exposed; max age 600. Every request goes to Host ` + "`api.bench.test`" + `, which is no origin.
- **Request kinds** and what corskit must answer: see the table below; the behaviour section shows every answer.
- **Application** (the same routes everywhere): GET /api/items answers 200 "ok"; OPTIONS /api/items answers 204,
  so that a preflight's baseline is a cheap routed request, not the framework's 404/405 path.
- **Driving**: net/http, chi, Gin and Echo through ` + "`ServeHTTP`" + ` with one ` + "`*http.Request`" + ` built once and one
  reusable recorder whose header map and body buffer are emptied before every request (so every implementation
  starts from the same warm map); Fiber through ` + "`app.Handler()`" + ` on one ` + "`*fasthttp.RequestCtx`" + ` holding the request,
  whose Response is Reset before every request. The benchmark body is the same function for all (` + "`Impl.Runner`" + `).
- **baseline**: the framework and routes without CORS middleware. **floor**: a middleware that sets, from constants
  computed once, the fields corskit sends to an allowed request from origin #2 (to an allowed preflight when the
  method is OPTIONS, answered 204; that is its only test). On net/http-based frameworks it stores them as corskit
  does, without sharing a slice between responses: one new ` + "`[]string`" + ` per response holds all the values, each
  field gets a capacity-one slice of it (so appending to one field can touch neither another field nor another
  response), and Vary is appended to a Vary already there. That one allocation is the least any net/http middleware
  pays once it never stores a shared ` + "`[]string`" + ` in a header map. On Fiber it uses fasthttp's cheapest calls,
  ` + "`SetCanonical`" + ` with names and values converted to bytes once (and ` + "`AddBytesKV`" + ` for Vary); fasthttp copies the bytes
  into the response, so nothing is shared and nothing allocated. **vary-floor**: a middleware that reads the request's Origin
  (the cheapest way the framework offers: the canonical key straight from the header map, or fasthttp's ` + "`Peek`" + `) and
  adds ` + "`Vary: Origin`" + `, stored the same way, to every response, and does nothing else: the least the contract requires
  for a request that gets no Access-Control-* field (not CORS, or a disallowed origin), since no middleware can know
  that without reading Origin, and so the lower bound quoted for those requests, as the floor is for allowed ones. **native**: rs/cors and go-chi/cors (net/http, chi), gin-contrib/cors,
  Echo's CORSWithConfig, Fiber's cors, each configured with the policy. **corskit**: the core's ` + "`Policy.Handler`" + `
  on net/http, the adapter elsewhere.
- **Overhead** = median ns/op (allocs/op) of the implementation minus the baseline's, same framework and request.
  The **best native** is the native with the smallest time overhead for that request; the allocation target compares
  with the smallest allocation overhead of any native. A ratio is "n/a" where the denominator is ≤ 0 (a native that
  costs nothing measurable, or answers early and skips the handler).
- **Noise**: the figures are medians of the run's samples; ± is benchstat's 95% confidence interval. On a shared
  machine, differences of a few tens of ns are noise: read the targets together with the intervals.
- **Instructions** (bench/cmd/instructions, ` + "`make instructions`" + `): each benchmark runs twice under valgrind's
  callgrind, for N and 3N requests (N chosen so that N requests take about 30 ms natively), with GOGC=off,
  GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off and GOMAXPROCS=1; instr/op = (instructions of the 3N run − those of the N
  run) / 2N, so that start-up and set-up cancel out. The count is deterministic (two repetitions agree within about
  0.3%) and does not depend on the machine's load, so it is the figure to trust when comparing implementations on a
  noisy machine, while ns/op remains the figure the targets are stated in. It leaves out what costs time without costing
  instructions: cache and branch misses, the garbage collector (off during the count; allocations still count their
  mallocgc instructions, but not the later work of collecting them) and time spent waiting for a CPU.

`)
	m.textHeader("request", "what corskit must answer (ACAO = Access-Control-Allow-Origin, etc.)")
	for _, k := range bench.Kinds() {
		m.row(k.Title, k.Want.Describe())
	}
	m.f("\n")
}
