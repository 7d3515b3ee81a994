// Package pyguard holds files of the repository root that the binary
// embeds. The code is under cmd/, analyzer/, rules/, review/, webhook/ and
// internal/.
package pyguard

import _ "embed"

// AppManifest is app.yml, the GitHub App manifest `pyguard setup` registers.
//
//go:embed app.yml
var AppManifest []byte
