package cors

import (
	"net/http"

	"golang.org/x/net/http/httpguts"
)

// decidePreflight decides a CORS-preflight request whose origin got
// reason: its origin, then the method it asks for, then the headers, then
// Private Network Access.
func (c *compiled) decidePreflight(d *Decision, req *Request, reason Reason) {
	d.Kind, d.Vary = Preflight, c.varyPreflight
	origin, method := req.Origin[0], req.RequestMethod[0]
	switch {
	case reason != ReasonAllowed:
		c.reject(d, reason, origin)
		return
	case len(req.RequestMethod) > 1 || len(method) > maxMethodLen || !httpguts.ValidHeaderFieldName(method):
		c.reject(d, ReasonMethodInvalid, method)
		return
	case !c.methods.allows(method):
		c.refuse(d, ReasonMethodNotAllowed, method, origin, "")
		return
	}
	hc := c.headers.check(req.RequestHeaders)
	switch hc.reason {
	case ReasonAllowed:
	case ReasonHeaderNotAllowed:
		c.refuse(d, hc.reason, hc.bad, origin, method)
		return
	default:
		c.reject(d, hc.reason, hc.bad)
		return
	}
	privateNetwork := false
	if pn := req.RequestPrivateNetwork; c.privateNetwork && len(pn) > 0 {
		if len(pn) > 1 || pn[0] != "true" {
			c.reject(d, ReasonPrivateNetworkInvalid, pn[0])
			return
		}
		privateNetwork = true
	}
	d.Allowed = true
	c.allowOrigin(d, origin)
	switch {
	case c.methods.any && c.credentials && !isSafelistedMethod(method):
		d.add(headerAllowMethods, method) // "*" is literal with credentials
	case c.methods.list != "":
		d.add(headerAllowMethods, c.methods.list)
	}
	switch {
	case !hc.present:
	case c.headers.any && c.credentials:
		d.reflectHeaders = true // "*" is literal with credentials
	case c.headers.any && hc.authorization:
		d.add(headerAllowHeaders, "*, authorization") // "*" never covers Authorization
	default:
		d.add(headerAllowHeaders, c.headers.list)
	}
	d.add(headerMaxAge, c.maxAge)
	if privateNetwork {
		d.add(headerAllowPrivateNetwork, "true")
	}
	if !c.passthrough {
		d.Status = c.preflightStatus
	}
}

// reject answers a preflight from an origin the policy does not allow, or a
// malformed one: 403 and no Access-Control-* field at all.
func (c *compiled) reject(d *Decision, r Reason, value string) {
	d.Reason, d.Value = r, value
	d.answer(http.StatusForbidden, rejectionBody(r))
}

// refuse answers a well-formed preflight from an allowed origin that asks
// for a method or a header the policy does not allow. The response passes
// the browser's CORS check (Allow-Origin, Allow-Credentials, a 2xx status)
// but does not grant what was asked, so that the browser reports the real
// problem ("Method PATCH is not allowed by Access-Control-Allow-Methods")
// rather than a missing Allow-Origin. It reveals nothing the policy would
// not tell an actual request from that origin: no Allow-Methods or
// Allow-Headers list (only the requested method, already found allowed,
// when a header is refused), no Max-Age.
func (c *compiled) refuse(d *Decision, r Reason, value, origin, allowedMethod string) {
	d.Reason, d.Value = r, value
	c.allowOrigin(d, origin)
	if allowedMethod != "" && !isSafelistedMethod(allowedMethod) {
		d.add(headerAllowMethods, allowedMethod)
	}
	d.answer(http.StatusOK, rejectionBody(r))
}
