package cors

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// refusesCrossOrigin reports whether Config.CrossOriginProtection refuses
// req, a request with an unsafe method. It follows net/http's
// CrossOriginProtection, but trusts the origins this policy allows rather
// than a list of its own: a browser says where a request comes from in
// Sec-Fetch-Site, and older ones only in Origin, which then must name the
// request's own host.
func (c *compiled) refusesCrossOrigin(req *Request) bool {
	site := ""
	if len(req.SecFetchSite) > 0 {
		site = req.SecFetchSite[0]
	}
	switch {
	case site == "same-origin" || site == "none":
		return false // the user's own navigation, or the site itself
	case site == "" && len(req.Origin) == 0:
		return false // neither field: not a browser
	case site == "" && len(req.Origin) == 1:
		if _, host, ok := strings.Cut(req.Origin[0], "://"); ok && host != "" && host == req.Host {
			return false // same origin, from a browser without Sec-Fetch-Site
		}
	}
	return len(req.Origin) == 0 || c.origins.check(req.Origin) != ReasonAllowed
}

// refuseCrossOrigin answers a request that Config.CrossOriginProtection
// refuses: 403, a short body, no Access-Control-* field.
func refuseCrossOrigin(d *Decision, req *Request) {
	d.Kind, d.Reason, d.Vary = Actual, ReasonCrossOriginRefused, varyOrigin
	if len(req.Origin) > 0 {
		d.Value = req.Origin[0]
	} else {
		d.Value = req.SecFetchSite[0]
	}
	d.answer(http.StatusForbidden, "Cross-origin request refused\n")
}

// CrossOriginProtection returns net/http's [http.CrossOriginProtection]
// trusting exactly the origins the policy allows, for an application that
// already uses it: one list of origins for CORS and for cross-site request
// forgery. It can do so only when every allowed origin is an exact origin,
// as http.CrossOriginProtection matches origins literally; otherwise it
// returns an error naming the first entry it cannot express, and
// Config.CrossOriginProtection, which trusts every form this policy
// allows, is the way. It is safe for concurrent use; a later
// [Policy.Update] does not change what it returned.
func (p *Policy) CrossOriginProtection() (*http.CrossOriginProtection, error) {
	cfg := p.Config()
	cop := http.NewCrossOriginProtection()
	fail := func(field, value string) error {
		return errors.New("cors: " + field + " " + strconv.Quote(value) + " is not an exact origin, which http.CrossOriginProtection cannot trust; set Config.CrossOriginProtection instead")
	}
	switch {
	case cfg.AllowOriginRegex != "":
		return nil, fail("AllowOriginRegex", cfg.AllowOriginRegex)
	case cfg.AllowOriginFunc != nil:
		return nil, errors.New("cors: AllowOriginFunc cannot be expressed to http.CrossOriginProtection; set Config.CrossOriginProtection instead")
	}
	for _, o := range cfg.AllowOrigins {
		if spec, problem, _ := parseOriginSpec(o); o == "*" || o == "null" || problem != "" || spec.subdomain || spec.port == "*" {
			return nil, fail("AllowOrigins entry", o)
		}
		if err := cop.AddTrustedOrigin(o); err != nil {
			return nil, err
		}
	}
	return cop, nil
}
