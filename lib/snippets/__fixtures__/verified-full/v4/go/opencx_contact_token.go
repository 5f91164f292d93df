// OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
// Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
// Go 1.19+, standard library only. Run it: go run opencx_contact_token.go <email>
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

// apiURL is OPENCX_API_URL, or https://api.open.cx when it is unset or empty.
func apiURL() string {
	if url := os.Getenv("OPENCX_API_URL"); url != "" {
		return url
	}
	return "https://api.open.cx"
}

var httpClient = &http.Client{Timeout: 10 * time.Second}

// ContactToken calls POST /widget/authenticate-user for the signed-in user and returns
// their contact token. Send only this token to that user's browser, where it becomes the
// widget's user.token. email is that user's email from your session, never one the browser
// sends.
func ContactToken(email string) (string, error) {
	if email == "" {
		return "", errors.New("ContactToken needs the email of the signed-in user")
	}
	apiKey := os.Getenv("OPENCX_API_KEY")
	if apiKey == "" {
		return "", errors.New("OPENCX_API_KEY is not set")
	}

	// Sample values from the playground (the email is the argument): build the body from the
	// signed-in user's data (your session), never from anything the browser sends.
	// language: zh-cn is sent as zh, the API's code for Chinese (Simplified).
	body := map[string]any{
		"email":      email,
		"name":       "Jane Doe",
		"avatar_url": "https://example.com/jane.png",
		"phone":      "+1234567890",
		"language":   "zh",
		"customData": map[string]any{
			"plan":   "enterprise",
			"seats":  25,
			"mrr":    1249.5,
			"vip":    true,
			"org_id": "org_185938572649",
		},
		"chat_context": "Jane is an admin on the Enterprise plan.\nShe prefers short answers.",
	}
	// json.Marshal writes a map's keys in sorted order: JSON objects have no order, so the
	// API reads the same body.
	payload, err := json.Marshal(body)
	if err != nil {
		return "", err
	}

	req, err := http.NewRequest(http.MethodPost, apiURL()+"/widget/authenticate-user", bytes.NewReader(payload))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+apiKey)
	req.Header.Set("Content-Type", "application/json")
	res, err := httpClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return "", fmt.Errorf("OpenCX authenticate-user failed: HTTP %d", res.StatusCode)
	}
	// The response also has contact.id; the browser needs only the token.
	var result struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&result); err != nil {
		return "", err
	}
	if result.Token == "" {
		return "", errors.New("OpenCX authenticate-user answered without a token")
	}
	return result.Token, nil
}

// User is the signed-in user, as your auth knows them.
type User struct {
	Email string
}

// signedInUser returns the user signed in on this request, or nil when nobody is.
// TODO: read the user from YOUR auth (session cookie, JWT, ...).
func signedInUser(r *http.Request) *User {
	return nil
}

// HandleContactToken answers POST /api/opencx/contact-token with {"token": ...} for the
// signed-in user, and 401 when nobody is signed in. Mount it after your session middleware:
//
//	http.HandleFunc("/api/opencx/contact-token", HandleContactToken)
func HandleContactToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "Use POST"})
		return
	}
	user := signedInUser(r)
	if user == nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "Not signed in"})
		return
	}
	token, err := ContactToken(user.Email)
	if err != nil {
		log.Printf("OpenCX contact token: %v", err)
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "Could not get a contact token"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token": token})
}

func writeJSON(w http.ResponseWriter, status int, value map[string]string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(value); err != nil {
		log.Printf("OpenCX contact token: %v", err)
	}
}

// main prints that user's token: go run opencx_contact_token.go <email>
// (a quick check of your key and the body, e.g. against the playground's sandbox).
func main() {
	if len(os.Args) != 2 || os.Args[1] == "" {
		fmt.Fprintln(os.Stderr, "Usage: go run opencx_contact_token.go <email>")
		os.Exit(1)
	}
	token, err := ContactToken(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(token)
}
