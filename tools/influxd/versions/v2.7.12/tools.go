//go:build tools

// Package tools pins the influxd command and the libflux pkg-config shim to this module's versions.
package tools

import (
	_ "github.com/influxdata/influxdb/v2/cmd/influxd"
	_ "github.com/influxdata/pkg-config"
)
