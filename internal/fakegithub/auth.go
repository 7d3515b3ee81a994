package fakegithub

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// installation is one installation of the app on an account.
type installation struct {
	id      int64
	account string          // lower case
	repos   map[string]bool // "owner/name" lower case; nil = all of the account
}

func (in *installation) covers(r *Repo) bool {
	if !strings.EqualFold(r.Owner, in.account) {
		return false
	}
	return in.repos == nil || in.repos[r.key()]
}

type token struct {
	installation int64
	expires      time.Time
}

// AddInstallation installs the app on account with the given id. With no
// repos it covers all of the account's repositories ("repository_selection":
// "all"); otherwise only the named ones ("name" or "owner/name").
func (s *Server) AddInstallation(id int64, account string, repos ...string) {
	in := &installation{id: id, account: strings.ToLower(account)}
	if len(repos) > 0 {
		in.repos = map[string]bool{}
		for _, r := range repos {
			if !strings.Contains(r, "/") {
				r = account + "/" + r
			}
			in.repos[strings.ToLower(r)] = true
		}
	}
	s.mu.Lock()
	s.installations[id] = in
	s.mu.Unlock()
}

// InstallationToken mints a token for installation id directly (a test
// shortcut for the JWT exchange) and returns it with its expiry. It panics
// for an unknown installation.
func (s *Server) InstallationToken(id int64) (string, time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.installations[id] == nil {
		panic(fmt.Sprintf("fakegithub: no installation %d", id))
	}
	return s.mintLocked(id)
}

func (s *Server) mintLocked(id int64) (string, time.Time) {
	var b [20]byte
	_, _ = rand.Read(b[:])
	tok := "ghs_" + hex.EncodeToString(b[:])
	exp := s.now().Add(s.opt.TokenTTL).Truncate(time.Second)
	s.tokens[tok] = &token{installation: id, expires: exp}
	return tok, exp
}

// ExpireTokens makes every installation token issued so far invalid, as
// if an hour had passed.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	for _, t := range s.tokens {
		t.expires = time.Time{}
	}
	s.mu.Unlock()
}

// TokensIssued counts installation tokens minted through the API.
func (s *Server) TokensIssued() int { return s.CallCount(RouteAccessToken) }

// IssuedTokens returns every installation token minted so far (through
// the API or InstallationToken), expired ones included, sorted: tests
// look for them where no credential belongs, such as logs.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	out := make([]string, 0, len(s.tokens))
	for tok := range s.tokens {
		out = append(out, tok)
	}
	s.mu.Unlock()
	sort.Strings(out)
	return out
}

// authHeader returns the credential after "token " or "Bearer ".
func authHeader(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	for _, p := range []string{"token ", "Token ", "bearer ", "Bearer "} {
		if strings.HasPrefix(h, p) {
			return strings.TrimSpace(h[len(p):]), true
		}
	}
	return "", false
}

func (s *Server) checkToken(w http.ResponseWriter, r *http.Request) (*installation, bool) {
	cred, ok := authHeader(r)
	if !ok || cred == "" {
		writeError(w, http.StatusUnauthorized, "Requires authentication", "https://docs.github.com/rest")
		return nil, false
	}
	s.mu.Lock()
	t := s.tokens[cred]
	var in *installation
	if t != nil && s.now().Before(t.expires) {
		in = s.installations[t.installation]
	}
	s.mu.Unlock()
	if in == nil {
		if strings.Count(cred, ".") == 2 {
			// An app JWT where an installation token belongs.
			writeError(w, http.StatusForbidden, "Resource not accessible by integration", "https://docs.github.com/rest")
			return nil, false
		}
		writeError(w, http.StatusUnauthorized, "Bad credentials", "https://docs.github.com/rest")
		return nil, false
	}
	return in, true
}

// checkAppJWT verifies an app JWT like GitHub: RS256 signature by the
// app's key, iss = app id, iat not in the future (60 s of drift allowed),
// exp in the future and at most ten minutes after iat.
func (s *Server) checkAppJWT(w http.ResponseWriter, r *http.Request) bool {
	cred, ok := authHeader(r)
	if !ok || cred == "" {
		writeError(w, http.StatusUnauthorized, "A JSON web token could not be decoded", "https://docs.github.com/rest")
		return false
	}
	if err := verifyJWT(cred, &s.key.PublicKey, s.opt.AppID, s.now()); err != nil {
		writeError(w, http.StatusUnauthorized, err.Error(), "https://docs.github.com/rest")
		return false
	}
	return true
}

func verifyJWT(tok string, pub *rsa.PublicKey, appID int64, now time.Time) error {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return errors.New("A JSON web token could not be decoded")
	}
	var hdr struct {
		Alg string `json:"alg"`
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil || json.Unmarshal(hb, &hdr) != nil {
		return errors.New("A JSON web token could not be decoded")
	}
	if hdr.Alg != "RS256" {
		return errors.New("A JSON web token could not be decoded")
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return errors.New("A JSON web token could not be decoded")
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) != nil {
		return errors.New("A JSON web token could not be decoded")
	}
	pb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return errors.New("A JSON web token could not be decoded")
	}
	var claims struct {
		Iss json.RawMessage `json:"iss"`
		Iat json.Number     `json:"iat"`
		Exp json.Number     `json:"exp"`
	}
	dec := json.NewDecoder(strings.NewReader(string(pb)))
	dec.UseNumber()
	if dec.Decode(&claims) != nil {
		return errors.New("A JSON web token could not be decoded")
	}
	iss := strings.Trim(string(claims.Iss), `"`)
	if iss != strconv.FormatInt(appID, 10) {
		return fmt.Errorf("'Issuer' claim ('iss') must be an Integer: the app id %d", appID)
	}
	iat, err1 := claims.Iat.Int64()
	exp, err2 := claims.Exp.Int64()
	if err1 != nil {
		return errors.New("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.")
	}
	if err2 != nil {
		return errors.New("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.")
	}
	n := now.Unix()
	switch {
	case iat > n+60:
		return errors.New("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.")
	case exp <= n:
		return errors.New("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.")
	case exp-iat > 600+60:
		return errors.New("'Expiration time' claim ('exp') is too far in the future.")
	}
	return nil
}

// AppJWT signs an app JWT for appID with key, issued at now (backdated 30 s
// as ghinstallation does) and valid for ttl (at most ten minutes for
// GitHub to accept it).
func AppJWT(key *rsa.PrivateKey, appID int64, now time.Time, ttl time.Duration) (string, error) {
	enc := base64.RawURLEncoding
	hdr := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	iat := now.Add(-30 * time.Second).Unix()
	claims, _ := json.Marshal(map[string]any{"iss": strconv.FormatInt(appID, 10), "iat": iat, "exp": now.Add(ttl).Unix()})
	signing := hdr + "." + enc.EncodeToString(claims)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return signing + "." + enc.EncodeToString(sig), nil
}

// GenerateKey returns a fresh 2048-bit RSA key and its PKCS#1 PEM, as
// GitHub hands out app keys.
func GenerateKey(t testing.TB) (*rsa.PrivateKey, []byte) {
	t.Helper()
	k, p, err := generateKey()
	if err != nil {
		t.Fatalf("fakegithub: generate key: %v", err)
	}
	return k, p
}

func generateKey() (*rsa.PrivateKey, []byte, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, err
	}
	p := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	return k, p, nil
}

func parseRSAPrivateKey(p []byte) (*rsa.PrivateKey, error) {
	b, _ := pem.Decode(p)
	if b == nil {
		return nil, errors.New("private key: no PEM block")
	}
	if k, err := x509.ParsePKCS1PrivateKey(b.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("private key: not RSA")
	}
	return rk, nil
}

func (s *Server) appJSON() map[string]any {
	return map[string]any{
		"id": s.opt.AppID, "slug": s.opt.AppSlug, "name": s.opt.AppSlug, "node_id": "A_" + strconv.FormatInt(s.opt.AppID, 10),
		"owner":       map[string]any{"login": "pyguard", "type": "Organization"},
		"permissions": map[string]string{"checks": "write", "pull_requests": "write", "contents": "read", "metadata": "read"},
		"events":      []string{"pull_request", "check_suite", "check_run"},
	}
}

func (s *Server) installationJSON(in *installation) map[string]any {
	sel := "all"
	if in.repos != nil {
		sel = "selected"
	}
	return map[string]any{
		"id": in.id, "app_id": s.opt.AppID, "app_slug": s.opt.AppSlug, "target_type": "Organization",
		"account":              map[string]any{"login": in.account},
		"repository_selection": sel,
		"permissions":          map[string]string{"checks": "write", "pull_requests": "write", "contents": "read", "metadata": "read"},
	}
}

func (s *Server) getApp(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	writeJSON(w, http.StatusOK, s.appJSON())
}

func (s *Server) lookupInstallation(w http.ResponseWriter, r *http.Request) *installation {
	id, err := strconv.ParseInt(r.PathValue("installation_id"), 10, 64)
	s.mu.Lock()
	in := s.installations[id]
	s.mu.Unlock()
	if err != nil || in == nil {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/apps/apps")
		return nil
	}
	return in
}

func (s *Server) getInstallation(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	if in := s.lookupInstallation(w, r); in != nil {
		writeJSON(w, http.StatusOK, s.installationJSON(in))
	}
}

func (s *Server) createToken(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	in := s.lookupInstallation(w, r)
	if in == nil {
		return
	}
	s.mu.Lock()
	tok, exp := s.mintLocked(in.id)
	s.mu.Unlock()
	sel := "all"
	if in.repos != nil {
		sel = "selected"
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"token": tok, "expires_at": exp.UTC().Format(time.RFC3339),
		"permissions":          map[string]string{"checks": "write", "pull_requests": "write", "contents": "read", "metadata": "read"},
		"repository_selection": sel,
	})
}

func (s *Server) getRepoInstallation(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	repo := s.repo(r.PathValue("owner"), r.PathValue("repo"))
	s.mu.Lock()
	var found *installation
	for _, in := range s.installations {
		if repo != nil && in.covers(repo) {
			found = in
			break
		}
	}
	s.mu.Unlock()
	if found == nil {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/apps/apps")
		return
	}
	writeJSON(w, http.StatusOK, s.installationJSON(found))
}
