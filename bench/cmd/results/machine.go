package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// tracked returns the modules whose versions the report records.
func tracked() []string {
	return []string{
		"github.com/gin-gonic/gin",
		"github.com/gin-contrib/cors",
		"github.com/labstack/echo/v4",
		"github.com/gofiber/fiber/v2",
		"github.com/valyala/fasthttp",
		"github.com/go-chi/chi/v5",
		"github.com/rs/cors",
		"github.com/go-chi/cors",
	}
}

// machine writes the machine and the versions: those of the run's
// configuration lines (go test's and the Makefile's), and those of the
// modules this program is linked with, which are the benchmarks' own.
func (m *md) machine(cfg map[string]string, benchstat string) {
	m.f("## Machine and versions\n\n")
	m.textHeader("what", "value")
	row := func(k, v string) {
		if strings.Trim(v, " /") != "" {
			m.row(k, v)
		}
	}
	row("run at", cfg["run-date"])
	row("CPU", cfg["cpu"])
	row("logical CPUs", strconv.Itoa(runtime.NumCPU()))
	row("OS / arch", cfg["goos"]+" / "+cfg["goarch"]+", kernel "+kernel())
	row("load average (1, 5, 15 min) before / after", cfg["loadavg-start"]+" / "+cfg["loadavg-end"])
	row("run", cfg["run"])
	row("Go", cfg["go"])
	instr := "not measured (valgrind not installed: `apt-get install -y valgrind`)"
	if cfg["instructions-method"] != "" {
		instr = cfg["instructions-method"] + "; counted at " + cfg["instructions-date"]
		if of := cfg["instructions-of-run"]; of != "" && of != cfg["run-date"] {
			instr += ", for the benchmarks of the run of " + of + " (not this run)"
		}
	}
	row("instructions", instr)
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if slices.Contains(tracked(), dep.Path) {
				row(dep.Path, dep.Version)
			}
		}
	}
	row("golang.org/x/perf (benchstat)", benchstat)
	m.f("\n")
}

func kernel() string {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}
