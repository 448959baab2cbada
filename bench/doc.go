// Package bench measures corskit side by side with the CORS middleware each
// framework's users pick today, for one policy and one table of request
// kinds (issue 5).
//
// Each [Framework] lists its implementations: the framework alone
// (baseline), a floor middleware that sets constant headers with no
// decision, the native middlewares and corskit. The benchmarks in
// bench_test.go run every implementation on every [Kind]; the behaviour
// check (behaviour_test.go, and the generated section of RESULTS.md) shows
// what each one answers. cmd/results turns a benchstat summary into
// RESULTS.md. See README.md.
package bench
