package analyzer

// SourceName names, for a finding's message, the most specific source in
// l: what a reader of the pull request recognises in their code. A peer
// update is named before a network body, a body before a field.
func SourceName(l Label) string {
	switch {
	case l&Peer != 0:
		return "a federated client's update"
	case l&Net != 0:
		return "a network response"
	case l&WebBody != 0:
		return "a request body"
	case l&WebField != 0:
		return "a request field"
	case l&WebOther != 0:
		return "request data"
	case l&HubDL != 0:
		return "a downloaded file"
	}
	return "untrusted data"
}
