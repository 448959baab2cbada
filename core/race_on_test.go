//go:build race

package cors_test

// raceEnabled: the race detector makes sync.Pool (used by package regexp)
// drop values, so allocation counts are not exact under -race.
const raceEnabled = true
