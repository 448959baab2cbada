package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
)

// ANSI colours, used only on a terminal.
const (
	bold   = "\033[1m"
	red    = "\033[31m"
	green  = "\033[32m"
	yellow = "\033[33m"
	reset  = "\033[0m"
)

// paint returns s in colour c when on is set.
func paint(on bool, c, s string) string {
	if !on {
		return s
	}
	return c + s + reset
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// printError reports a request that could not be completed: on stderr, or
// as the JSON report with verdict "error".
func printError(e env, asJSON bool, rep *checkReport, err error) {
	if asJSON && rep != nil {
		rep.Verdict, rep.Error = verdictError, err.Error()
		writeJSON(e.stdout, rep)
		return
	}
	fmt.Fprintln(e.stderr, "corscheck:", err)
}

// skipped are the request fields the text output leaves out: the browser
// adds them to every request and they decide nothing.
func skipped(name string) bool {
	switch http.CanonicalHeaderKey(name) {
	case "Accept", "Sec-Fetch-Mode", "User-Agent":
		return true
	}
	return false
}

// deciding reports whether a response field can decide or warn: the CORS
// fields, Vary, and Location.
func deciding(name string) bool {
	name = http.CanonicalHeaderKey(name)
	return strings.HasPrefix(name, "Access-Control-") || name == "Vary" || name == "Location"
}

// fieldLines returns the fields of h that keep says to show, one
// "Name: value" line per value, sorted by name.
func fieldLines(h http.Header, keep func(string) bool) []string {
	var lines []string
	for name, values := range h {
		if keep(name) {
			for _, v := range values {
				lines = append(lines, http.CanonicalHeaderKey(name)+": "+v)
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// writeBlock writes a label and lines, the first line beside the label and
// the others below it, aligned.
func writeBlock(w io.Writer, label string, lines []string) {
	pad := strings.Repeat(" ", len(label))
	for i, l := range lines {
		if i == 0 {
			fmt.Fprintf(w, "%s%s\n", label, l)
		} else {
			fmt.Fprintf(w, "%s%s\n", pad, l)
		}
	}
}

// httpStatusText returns the reason phrase of status, or "" when it has
// none.
func httpStatusText(status int) string { return http.StatusText(status) }
