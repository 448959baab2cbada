package main

import (
	"flag"
	"testing"

	"github.com/corskit/corskit/examples/demo/demo"
)

func TestParseFlags(t *testing.T) {
	got := parseFlags(flag.NewFlagSet("demo", flag.ContinueOnError), nil)
	want := demo.Options{Framework: "gin", API: "8000", Allowed: "3000", Disallowed: "3001"}
	if got != want {
		t.Errorf("defaults %+v, want %+v", got, want)
	}
	got = parseFlags(flag.NewFlagSet("demo", flag.ContinueOnError),
		[]string{"-framework", "fiber", "-api", ":9000", "-allowed", "localhost:4000", "-disallowed", "4001"})
	want = demo.Options{Framework: "fiber", API: ":9000", Allowed: "localhost:4000", Disallowed: "4001"}
	if got != want {
		t.Errorf("parsed %+v, want %+v", got, want)
	}
}
