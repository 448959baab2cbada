package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// errUsage reports a command line that cannot run; the flag set has
// printed why.
var errUsage = errors.New("usage")

// usageStatus returns the exit status of a command line that did not run
// because of err: 0 for -h, 2 otherwise.
func usageStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitReadable
	}
	return exitError
}

// headerFlags collects the repeated -H 'Name: value' flags.
type headerFlags []string

// String implements flag.Value.
func (h *headerFlags) String() string { return strings.Join(*h, "; ") }

// Set implements flag.Value: it accepts "Name: value" for a header a page
// may set.
func (h *headerFlags) Set(v string) error {
	name, _, ok := strings.Cut(v, ":")
	name = strings.TrimSpace(name)
	switch {
	case !ok || name == "" || strings.ContainsAny(name, " \t"):
		return fmt.Errorf("want 'Name: value', got %q", v)
	case strings.EqualFold(name, "Cookie"):
		return errors.New("a page cannot set Cookie: use -cookie, with -credentials")
	case browser.IsForbiddenHeader(name):
		return fmt.Errorf("a page cannot set %s: the browser controls it", name)
	}
	*h = append(*h, v)
	return nil
}

// parse parses args with fs, allowing flags after the URL, and returns the
// one URL. It checks that the URL is absolute http or https.
func parse(fs *flag.FlagSet, args []string) (string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(rest) != 1 {
		return "", usageError(fs, "want one URL, got %d", len(rest))
	}
	u, err := url.Parse(rest[0])
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usageError(fs, "%q is not an http:// or https:// URL", rest[0])
	}
	return rest[0], nil
}

// usageError prints a usage problem and where to read more, and returns
// errUsage.
func usageError(fs *flag.FlagSet, format string, args ...any) error {
	fmt.Fprintf(fs.Output(), "corscheck: "+format+"\n", args...)
	fmt.Fprintf(fs.Output(), "run '%s -h' for the flags\n", fs.Name())
	return errUsage
}

// checkOrigin returns an error when origin is not a serialized origin as
// browsers send it.
func checkOrigin(origin string) error {
	if origin == "null" {
		return nil
	}
	u, err := url.Parse(origin)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil ||
		origin != strings.ToLower(u.Scheme)+"://"+u.Host || strings.ToLower(u.Host) != u.Host {
		return fmt.Errorf("-origin %q is not an origin as browsers send it: scheme://host[:port], lower case, no path or trailing slash", origin)
	}
	return nil
}

// newFlagSet returns a flag set for the subcommand name writing to w.
func newFlagSet(name, synopsis string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "usage: %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// timeoutFlag defines -timeout on fs.
func timeoutFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("timeout", 10*time.Second, "give up when the requests take longer than `duration`")
}
