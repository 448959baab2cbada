package corsfasthttp

import (
	"slices"
	"strconv"
	"testing"

	"github.com/valyala/fasthttp"
)

// TestCORSFieldsRead: corsFields reads the lines PeekAll reads,
// in the same order, for every field spelling and line count, whether the
// header normalizes names or not.
func TestCORSFieldsRead(t *testing.T) {
	many := func(name string, n int) []string {
		var kv []string
		for i := range n {
			kv = append(kv, name, "x-"+strconv.Itoa(i))
		}
		return kv
	}
	cases := [][]string{
		nil,
		{"Origin", "https://a.example", "Access-Control-Request-Method", "PUT"},
		{"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type",
			"Access-Control-Request-Private-Network", "true"},
		{"origin", "https://a.example", "access-control-request-method", "PUT", "ACCESS-CONTROL-REQUEST-HEADERS", "x-a",
			"aCcEsS-cOnTrOl-ReQuEsT-pRiVaTe-NeTwOrK", "true"},
		{"Origin", "https://a.example", "Origin", "https://b.example", "Origins", "https://c.example", "X-Origin", "x"},
		{"Access-Control-Request-Method", "PUT", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "",
			"Access-Control-Request-Headers", "x-b", "Access-Control-Request-Private-Network", "false"},
		{"Access-Control-Request-Methods", "PUT", "Access-Control-Request-Header", "x-a", "X-Access-Control-Request-Method", "GET",
			"Access-Control-Xequest-Method", "PUT", "Access-Control-Request_Headers", "x-b", "Access-Control-Request-", "x",
			"Access-Xontrol-Request-Private-Network", "true", "Origin-", "https://a.example", "Origi", "https://a.example"},
		{"Cookie", "a=1; b=2", "Access-Control-Request-Method", "PUT", "User-Agent", "test", "Content-Type", "text/plain"},
		many("Origin", len(lines{})+1),
		many("Access-Control-Request-Headers", len(lines{})),
		many("Access-Control-Request-Headers", len(lines{})+1),
		append(many("Access-Control-Request-Method", 3), many("Access-Control-Request-Headers", 100)...),
	}
	names := []string{headerOrigin, headerRequestMethod, headerRequestHeaders, headerRequestPrivateNetwork}
	for _, normalize := range []bool{true, false} {
		for _, kv := range cases {
			var h fasthttp.RequestHeader
			if !normalize {
				h.DisableNormalizing()
			}
			h.SetMethod("OPTIONS")
			for i := 0; i+1 < len(kv); i += 2 {
				h.Add(kv[i], kv[i+1])
			}
			var f corsFields
			f.read(&h)
			got := [][]string{
				f.origin.lines(&h, headerOrigin),
				f.method.lines(&h, headerRequestMethod),
				f.headers.lines(&h, headerRequestHeaders),
				f.privateNetwork.lines(&h, headerRequestPrivateNetwork),
			}
			for i, name := range names {
				want := peekAll(&h, name, nil)
				if !slices.Equal(got[i], want) {
					t.Errorf("normalize %v, %q: %s lines %q, PeekAll gives %q", normalize, kv, name, got[i], want)
				}
			}
			if kv != nil && kv[0] == "Cookie" {
				if c := string(h.Cookie("b")); c != "2" {
					t.Errorf("normalize %v: cookie b = %q after the pass, want 2", normalize, c)
				}
			}
		}
	}
}

// BenchmarkCORSFieldsRead reads the lines of Origin and the
// Access-Control-Request-* fields of a preflight as Chromium sends it
// (nine other fields), in one pass ("pass", as Apply does) and with
// PeekAll for each name ("PeekAll").
func BenchmarkCORSFieldsRead(b *testing.B) {
	var h fasthttp.RequestHeader
	h.SetMethod("OPTIONS")
	h.SetHost("api.example.com")
	for _, kv := range [][2]string{
		{"Connection", "keep-alive"}, {"Accept", "*/*"},
		{"Access-Control-Request-Method", "PUT"},
		{"Access-Control-Request-Headers", "authorization,content-type"},
		{"Origin", "https://app.example.com"}, {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0"},
		{"Sec-Fetch-Mode", "cors"}, {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Dest", "empty"},
		{"Referer", "https://app.example.com/"}, {"Accept-Encoding", "gzip, deflate, br, zstd"},
		{"Accept-Language", "en-US,en;q=0.9"},
	} {
		h.Add(kv[0], kv[1])
	}
	b.Run("pass", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var f corsFields
			f.read(&h)
			keep(f.origin.lines(&h, headerOrigin), f.method.lines(&h, headerRequestMethod), f.headers.lines(&h, headerRequestHeaders),
				f.privateNetwork.lines(&h, headerRequestPrivateNetwork))
		}
	})
	b.Run("PeekAll", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var o, m, hs, pna lines
			keep(peekAll(&h, headerOrigin, o[:]), peekAll(&h, headerRequestMethod, m[:]), peekAll(&h, headerRequestHeaders, hs[:]),
				peekAll(&h, headerRequestPrivateNetwork, pna[:]))
		}
	})
}

//go:noinline
func keep(...[]string) {}
