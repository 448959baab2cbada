package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// num formats a figure: integers with thousands separators, small values
// with one decimal.
func num(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return "—"
	}
	if math.Abs(v) < 10 && v != math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	s := strconv.FormatInt(int64(math.Round(math.Abs(v))), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if v < 0 && s != "0" {
		s = "-" + s
	}
	return s
}

// signed formats an overhead with its sign.
func signed(v float64) string {
	if s := num(v); v >= 0 || s == "0" {
		return "+" + strings.TrimPrefix(s, "-")
	} else {
		return "−" + strings.TrimPrefix(s, "-")
	}
}

// ratio formats a/b, or explains why it has no meaning.
func ratio(a, b float64) string {
	if b <= 0 {
		return "n/a (≤ 0)"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// ci formats benchstat's confidence interval.
func ci(s string) string {
	if s == "" {
		return ""
	}
	return " ±" + s
}
