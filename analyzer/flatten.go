package analyzer

/*
#include <stdint.h>
#include <stdbool.h>

// Mirrors of tree-sitter's public ABI (api.h). The runtime and the Python
// grammar are compiled into the binary by github.com/smacker/go-tree-sitter;
// these declarations let us walk a finished tree in a single cgo call instead
// of one cgo call per node and field access.
typedef struct TSTree TSTree;
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
uint32_t ts_node_descendant_count(TSNode self);

// pg_node must stay layout-identical to analyzer.Node (checked at init).
typedef struct {
	uint16_t kind;
	uint16_t field;
	uint8_t flags;
	uint32_t start;
	uint32_t end;
	int32_t parent;
	int32_t first_child;
	int32_t next;
	int32_t idx;
	void *tree;
} pg_node;

#include <stddef.h>
static size_t pg_off_start(void) { return offsetof(pg_node, start); }
static size_t pg_off_next(void) { return offsetof(pg_node, next); }
static size_t pg_off_tree(void) { return offsetof(pg_node, tree); }

static uint32_t pg_count(TSNode *root) { return ts_node_descendant_count(*root); }

// pg_flatten writes the tree in pre-order into out (capacity cap) and returns
// the number of nodes written. The walk is iterative, so nesting depth costs
// no stack.
static uint32_t pg_flatten(TSNode *root, pg_node *out, uint32_t cap) {
	TSTreeCursor c = ts_tree_cursor_new(*root);
	uint32_t n = 0;
	int32_t parent = -1;
	int32_t prev = -1; // previous sibling at the current level
	// stack of "previous sibling" per depth is implicit: when we go back up
	// to a parent p, the previous sibling at that level is p itself.
	for (;;) {
		if (n >= cap) break;
		TSNode node = ts_tree_cursor_current_node(&c);
		pg_node *o = &out[n];
		o->kind = ts_node_symbol(node);
		o->field = ts_tree_cursor_current_field_id(&c);
		o->flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0);
		o->start = ts_node_start_byte(node);
		o->end = ts_node_end_byte(node);
		o->parent = parent;
		o->first_child = -1;
		o->next = -1;
		o->idx = 0;
		o->tree = 0;
		if (prev >= 0) out[prev].next = (int32_t)n;
		else if (parent >= 0) out[parent].first_child = (int32_t)n;
		int32_t self = (int32_t)n;
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) {
			parent = self;
			prev = -1;
			continue;
		}
		prev = self;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			prev = parent;
			parent = out[parent].parent;
		}
	}
	ts_tree_cursor_delete(&c);
	return n;
}
*/
import "C"

import (
	"fmt"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

func init() {
	var n Node
	if unsafe.Sizeof(n) != uintptr(C.sizeof_pg_node) ||
		unsafe.Offsetof(n.Start) != uintptr(C.pg_off_start()) ||
		unsafe.Offsetof(n.next) != uintptr(C.pg_off_next()) ||
		unsafe.Offsetof(n.tree) != uintptr(C.pg_off_tree()) {
		panic(fmt.Sprintf("analyzer: Node layout (%d bytes) does not match pg_node (%d bytes)", unsafe.Sizeof(n), C.sizeof_pg_node))
	}
}

// flatten copies a tree-sitter tree into a Go slice in one cgo call.
// maxNodes bounds memory on hostile input; ok is false when the tree is larger.
func flatten(root *sitter.Node, maxNodes int) (nodes []Node, ok bool) {
	// sitter.Node's first field is the C TSNode value (see bindings.go).
	// Copy it out so the pointer we pass to C holds no Go pointers.
	tsn := *(*C.TSNode)(unsafe.Pointer(root))
	ts := &tsn
	total := int(C.pg_count(ts))
	if total > maxNodes {
		return nil, false
	}
	nodes = make([]Node, total)
	if total == 0 {
		return nodes, true
	}
	got := C.pg_flatten(ts, (*C.pg_node)(unsafe.Pointer(&nodes[0])), C.uint32_t(total))
	return nodes[:got], true
}
