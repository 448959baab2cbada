package cors

// decide is the one pipeline from a request to its decision, which it
// fills into d, a zero Decision: every entry point (Decide, Apply,
// ServeCORS, Handler) goes through it.
func (c *compiled) decide(d *Decision, req *Request) {
	if c.crossOriginProtection && !isSafeMethod(req.Method) && c.refusesCrossOrigin(req) {
		refuseCrossOrigin(d, req)
		return
	}
	if len(req.Origin) == 0 {
		// Not CORS: a same-origin request, or one not sent by a browser.
		d.Kind, d.Allowed, d.Reason = NotCORS, true, ReasonNoOrigin
		c.allowActual(d, "")
		return
	}
	reason := c.origins.check(req.Origin)
	if req.isPreflight() {
		c.decidePreflight(d, req, reason)
		return
	}
	d.Kind = Actual
	if reason != ReasonAllowed && !c.static {
		// CORS is not access control: the handler runs, and the browser
		// keeps the response from the page.
		d.Reason, d.Value, d.Vary = reason, req.Origin[0], varyOrigin
		return
	}
	d.Allowed = true
	c.allowActual(d, req.Origin[0])
}

// allowActual sets the fields of an allowed actual request from origin, or
// of a request without Origin (origin ""). A static policy answers every
// request the same and varies on nothing; any other response varies on
// Origin, so that no cache serves it to another origin.
func (c *compiled) allowActual(d *Decision, origin string) {
	if !c.static {
		d.Vary = varyOrigin
		if origin == "" {
			return
		}
	}
	c.allowOrigin(d, origin)
	if c.exposeHeaders != "" {
		d.add(headerExposeHeaders, c.exposeHeaders)
	}
}

// allowOrigin adds Access-Control-Allow-Origin for origin ("*" under a
// static policy, the origin byte for byte otherwise) and, with
// credentials, Access-Control-Allow-Credentials.
func (c *compiled) allowOrigin(d *Decision, origin string) {
	if c.static {
		origin = "*"
	}
	d.add(headerAllowOrigin, origin)
	if c.credentials {
		d.add(headerAllowCredentials, "true")
	}
}
