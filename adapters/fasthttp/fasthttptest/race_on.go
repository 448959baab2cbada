//go:build race

package fasthttptest

const raceEnabled = true
