//go:build !unix

package bench

// cpuTime is unknown where getrusage is missing.
func cpuTime() (int64, bool) { return 0, false }
