package cors

import (
	"fmt"
	"strconv"
	"strings"
)

// A ConfigError describes one problem with a [Config]. [New] returns every
// problem it finds at once, joined with [errors.Join]; use [errors.As] (or
// range over the Unwrap() []error of the joined error) to inspect them.
type ConfigError struct {
	// Field is the Config field at fault, with an index for list fields,
	// such as "AllowOrigins[2]".
	Field string
	// Value is the offending value, as given.
	Value string
	// Problem says what is wrong, such as "has a trailing slash".
	Problem string
	// Fix says what to do instead, such as `use "https://example.com"`.
	Fix string

	// number: Value is a number, shown without quotes.
	number bool
}

// Error returns the problem in one line: field, value, problem and fix. A
// string value is quoted, a number is not, and the value of a whole field
// that is empty is left out.
func (e *ConfigError) Error() string {
	msg := "cors: " + e.Field
	switch {
	case e.number:
		msg += " " + e.Value
	case e.Value != "" || strings.HasSuffix(e.Field, "]"):
		msg += " " + strconv.Quote(e.Value)
	}
	msg += " " + e.Problem
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// problems collects configuration errors while a Config is compiled.
type problems []error

func (ps *problems) add(field, value, problem, fix string) {
	*ps = append(*ps, &ConfigError{Field: field, Value: value, Problem: problem, Fix: fix})
}

// addNumber is add for a field that holds a number.
func (ps *problems) addNumber(field string, value int, problem, fix string) {
	*ps = append(*ps, &ConfigError{Field: field, Value: strconv.Itoa(value), Problem: problem, Fix: fix, number: true})
}

func indexed(field string, i int) string {
	return fmt.Sprintf("%s[%d]", field, i)
}
