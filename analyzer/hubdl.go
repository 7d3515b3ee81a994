package analyzer

import "regexp"

// HUB-DL, the shared hub-download data dependency of §3.8: a value
// data-dependent on the return of huggingface_hub.snapshot_download or
// hf_hub_download called in the same SCOPE, unless that call pins
// revision= to a 40-hex-digit commit literal.
//
// It is the taint label HubDL: the download call is its source and the
// shared propagation of §3.6 carries it (which already includes
// os.path.join, pathlib.Path(...), the Path `/` operator and str()). Like
// every label it is intra-procedural, so only a download in the value's own
// SCOPE counts. Rules that use HUB-DL mask it in: Taint(x, spec)&HubDL.

// HubDownloads are the download functions whose return is a local path to
// files chosen by whoever controls the repository.
var HubDownloads = []string{
	"huggingface_hub.snapshot_download", "huggingface_hub.hf_hub_download",
	"huggingface_hub._snapshot_download.snapshot_download", "huggingface_hub.file_download.hf_hub_download",
}

// hubAPITypes are the client classes whose methods of the same names
// download the same way (HfApi().snapshot_download(...)).
var hubAPITypes = map[string]bool{"huggingface_hub.HfApi": true, "huggingface_hub.hf_api.HfApi": true}

var hubDownloadMethods = map[string]bool{"snapshot_download": true, "hf_hub_download": true}

var commitSHA = regexp.MustCompile(`^[0-9a-fA-F]{40}$`)

// IsHubDownload reports whether c is a huggingface_hub download call
// (module function or HfApi method), pinned or not.
func (f *File) IsHubDownload(c Call) bool {
	if c.Is(HubDownloads...) {
		return true
	}
	return hubDownloadMethods[c.Method()] && hubAPITypes[c.ReceiverType()]
}

// IsPinnedRevision reports whether the call passes revision= as a
// 40-hex-digit commit literal.
func IsPinnedRevision(c Call) bool {
	l := LiteralValue(c.Kwarg("revision"))
	return l.Kind == LitStr && commitSHA.MatchString(l.Str)
}

// hubDLTaint is the HubDL source: an unpinned hub download.
func (f *File) hubDLTaint(c Call) Label {
	if c.Node == nil || !f.IsHubDownload(c) || IsPinnedRevision(c) {
		return 0
	}
	return HubDL
}
