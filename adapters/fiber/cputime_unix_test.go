//go:build unix

package corsfiber_test

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used,
// which, unlike the wall clock, other processes on a busy machine do not
// inflate.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
