module github.com/corskit/corskit/adapters/chi

go 1.25.0
