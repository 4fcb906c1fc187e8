// Command goverifier checks the audit ledger's transparency log with Go's own
// golang.org/x/mod/sumdb/note and tlog (Debian's golang-golang-x-mod-dev), not
// with any of the platform's code: the checkpoint's signature with the served
// verifier key (note.Open), its root against tlog.TreeHash over every entry's
// leaf bytes, inclusion proofs (tlog.CheckRecord) and the consistency proof
// from an older checkpoint (tlog.CheckTree).
//
// Built in GOPATH mode by the end-to-end suite:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o goverifier main.go
//
// Usage: goverifier <gateway URL> <auditor token> <older checkpoint file> <sequence>...
// Prints one "ok …" line per check; exits 1 at the first failure.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var base, token string

func get(path string, auth bool) []byte {
	req, err := http.NewRequest("GET", base+path, nil)
	check(err)
	if auth {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	check(err)
	if resp.StatusCode != 200 {
		fail("GET %s: %d %s", path, resp.StatusCode, body)
	}
	return body
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL "+format+"\n", args...)
	os.Exit(1)
}

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

// open verifies a checkpoint note with the verifier and reads its first three lines.
func open(msg []byte, verifiers note.Verifiers) checkpoint {
	n, err := note.Open(msg, verifiers)
	check(err)
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint has %d lines", len(lines))
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	check(err)
	root, err := base64.StdEncoding.DecodeString(lines[2])
	check(err)
	if len(root) != tlog.HashSize {
		fail("root hash of %d bytes", len(root))
	}
	var h tlog.Hash
	copy(h[:], root)
	return checkpoint{lines[0], size, h}
}

func hashes(b64 []string) []tlog.Hash {
	out := make([]tlog.Hash, len(b64))
	for i, s := range b64 {
		b, err := base64.StdEncoding.DecodeString(s)
		check(err)
		copy(out[i][:], b)
	}
	return out
}

func main() {
	if len(os.Args) < 4 {
		fail("usage: goverifier <gateway URL> <auditor token> <older checkpoint file> <sequence>...")
	}
	base, token = strings.TrimRight(os.Args[1], "/"), os.Args[2]

	vkey := strings.TrimSpace(string(get("/api/audit/checkpoint/key", false)))
	verifier, err := note.NewVerifier(vkey)
	check(err)
	verifiers := note.VerifierList(verifier)
	fmt.Printf("ok verifier key %s\n", vkey)

	latest := open(get("/api/audit/checkpoint", false), verifiers)
	fmt.Printf("ok note.Open checkpoint %s %d %s\n", latest.origin, latest.size, latest.root)

	// tlog.TreeHash over every entry's leaf bytes, the stored hashes computed here.
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = stored[x]
		}
		return out, nil
	})
	leaves := make([][]byte, latest.size)
	for i := int64(0); i < latest.size; i++ {
		leaves[i] = get(fmt.Sprintf("/api/audit/entries/%d/leaf", i+1), true)
		h, err := tlog.StoredHashes(i, leaves[i], reader)
		check(err)
		stored = append(stored, h...)
	}
	treeHash, err := tlog.TreeHash(latest.size, reader)
	check(err)
	if treeHash != latest.root {
		fail("tlog.TreeHash over %d leaves is %s, the checkpoint says %s", latest.size, treeHash, latest.root)
	}
	fmt.Printf("ok tlog.TreeHash %d leaves\n", latest.size)

	for _, arg := range os.Args[4:] {
		seq, err := strconv.ParseInt(arg, 10, 64)
		check(err)
		var proof struct {
			Sequence, LeafIndex, TreeSize int64
			Hashes                        []string
		}
		check(json.Unmarshal(get(fmt.Sprintf("/api/audit/proofs/inclusion?sequence=%d&treeSize=%d", seq, latest.size), true), &proof))
		if proof.LeafIndex != seq-1 || proof.TreeSize != latest.size {
			fail("inclusion proof of %d is for leaf %d of %d", seq, proof.LeafIndex, proof.TreeSize)
		}
		if err := tlog.CheckRecord(hashes(proof.Hashes), latest.size, latest.root, seq-1, tlog.RecordHash(leaves[seq-1])); err != nil {
			fail("tlog.CheckRecord sequence %d: %v", seq, err)
		}
		fmt.Printf("ok tlog.CheckRecord sequence %d in %d\n", seq, latest.size)
	}

	olderNote, err := os.ReadFile(os.Args[3])
	check(err)
	older := open(olderNote, verifiers)
	var consistency struct {
		From, To int64
		Hashes   []string
	}
	check(json.Unmarshal(get(fmt.Sprintf("/api/audit/proofs/consistency?from=%d&to=%d", older.size, latest.size), false), &consistency))
	if err := tlog.CheckTree(hashes(consistency.Hashes), latest.size, latest.root, older.size, older.root); err != nil {
		fail("tlog.CheckTree %d -> %d: %v", older.size, latest.size, err)
	}
	fmt.Printf("ok tlog.CheckTree %d -> %d\n", older.size, latest.size)
}
