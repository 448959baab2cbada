module github.com/corskit/corskit/adapters/echov5

go 1.25.0

require (
	github.com/corskit/corskit/core v0.1.0
	github.com/labstack/echo/v5 v5.4.6
)

require (
	golang.org/x/net v0.58.0 // indirect
	golang.org/x/text v0.41.0 // indirect
	golang.org/x/time v0.15.0 // indirect
)

replace github.com/corskit/corskit/core => ../../core
