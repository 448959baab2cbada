//go:build !race

package cors_test

// raceEnabled: see race_on_test.go.
const raceEnabled = false
