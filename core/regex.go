package cors

import (
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
)

// compileOriginRegex validates Config.AllowOriginRegex and compiles it,
// anchored at both ends. The expression must compile on its own: wrapped
// as it is, a stray ")" would close the anchoring group early and let
// "a)|(?:b" match any origin that ends in b.
//
// With credentials, the expression gets the checks an entry of
// AllowOrigins gets, found by probing it: it must not match a plain-HTTP
// origin other than loopback, nor a fresh name under a public suffix.
// Probing finds what the expression plainly says; an origin the probes
// miss is still refused at request time if it is plain HTTP (see
// originSet.allowsInexact).
func compileOriginRegex(cfg *Config, ps *problems) *regexp.Regexp {
	expr := cfg.AllowOriginRegex
	if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
		ps.add("AllowOriginRegex", expr, "does not compile: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "), "write an RE2 expression (package regexp)")
		return nil
	}
	anchored := `^(?:` + expr + `)$`
	re, err := regexp.Compile(anchored)
	if err != nil {
		ps.add("AllowOriginRegex", expr, "does not compile: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "), "write an RE2 expression (package regexp)")
		return nil
	}
	if !cfg.AllowCredentials {
		return re
	}
	if !cfg.DangerouslyAllowInsecureOrigins {
		if o, ok := insecureWitness(re, anchored); ok {
			ps.add("AllowOriginRegex", expr, "matches a plain-HTTP origin ("+strconv.Quote(o)+") together with AllowCredentials, so a network attacker can read your users' data", "match https only, or set DangerouslyAllowInsecureOrigins")
		}
	}
	if !cfg.DangerouslyAllowPublicSuffixPatterns {
		if o, ok := publicSuffixWitness(re); ok {
			ps.add("AllowOriginRegex", expr, "matches names anyone can register under a public suffix (it matched "+strconv.Quote(o)+") together with AllowCredentials", `match only your own hosts, such as https://[a-z0-9-]+\.example\.com, or set DangerouslyAllowPublicSuffixPatterns`)
		}
	}
	return re
}

// publicSuffixWitness returns an origin under a public suffix that re
// matches: a fresh label (one no configuration would name) in front of a
// rule of the Public Suffix List.
func publicSuffixWitness(re *regexp.Regexp) (string, bool) {
	var o []byte
	for suffix := range publicSuffixes {
		for _, label := range [...]string{"x", "corskitprobe"} {
			o = append(append(append(append(o[:0], "https://"...), label...), '.'), suffix...)
			if re.Match(o) {
				return string(o), true
			}
		}
	}
	return "", false
}

// insecureWitness returns a plain-HTTP origin with a host other than
// loopback that re, compiled from anchored, matches, if its examples show
// one.
func insecureWitness(re *regexp.Regexp, anchored string) (string, bool) {
	parsed, err := syntax.Parse(anchored, syntax.Perl)
	if err != nil {
		return "", false
	}
	for _, o := range examples(parsed.Simplify(), 256) {
		if (strings.HasPrefix(o, "http://") || strings.HasPrefix(o, "ws://")) && insecureOrigin(o) && re.MatchString(o) {
			return o, true
		}
	}
	return "", false
}

// examples returns up to limit strings that re may match: every
// alternative, every optional part both taken and left out, and each
// character class by one of its characters. Assertions are left to the
// caller, who checks each example against the compiled expression.
func examples(re *syntax.Regexp, limit int) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{string(sampleRune(re))}
	case syntax.OpCapture, syntax.OpPlus:
		return examples(re.Sub[0], limit)
	case syntax.OpQuest, syntax.OpStar:
		return append([]string{""}, examples(re.Sub[0], limit-1)...)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			out = append(out, examples(sub, limit-len(out))...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			var next []string
			for _, tail := range examples(sub, limit) {
				for _, head := range out {
					if len(next) < limit {
						next = append(next, head+tail)
					}
				}
			}
			out = next
		}
		return out
	case syntax.OpNoMatch:
		return nil
	}
	return []string{""} // an assertion, or the empty string
}

// sampleRune returns a character that re, a character class, matches,
// preferring those of host names.
func sampleRune(re *syntax.Regexp) rune {
	if re.Op != syntax.OpCharClass {
		return 'a'
	}
	for _, r := range "abcdefghijklmnopqrstuvwxyz1234567890.-" {
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= r && r <= re.Rune[i+1] {
				return r
			}
		}
	}
	if len(re.Rune) > 0 {
		return re.Rune[0]
	}
	return 'a'
}
