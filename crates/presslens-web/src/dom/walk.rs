//! The walk over an article root's elements and text nodes, in document
//! order: the browser's `TreeWalker` (`SHOW_ELEMENT | SHOW_TEXT`), or, where
//! the page broke `document.createTreeWalker` (one that threw left an empty
//! report and no error), the same moves made with `firstChild`,
//! `nextSibling` and `parentNode`. Both give the same nodes in the same
//! order: the nodes a `TreeWalker` skips (comments, processing
//! instructions) have no children, so skipping them is all its filter does.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Node, TreeWalker};

/// A walker positioned on one node; clones share the position.
#[derive(Clone)]
pub enum Walk {
    Native(TreeWalker),
    Plain {
        root: Node,
        current: Rc<RefCell<Node>>,
    },
}

/// Whether a `SHOW_ELEMENT | SHOW_TEXT` walker shows `n`.
fn shown(n: &Node) -> bool {
    matches!(n.node_type(), Node::ELEMENT_NODE | Node::TEXT_NODE)
}

/// `n`, or the first of its following siblings that is shown.
fn first_shown(mut n: Option<Node>) -> Option<Node> {
    while let Some(x) = n {
        if shown(&x) {
            return Some(x);
        }
        n = x.next_sibling();
    }
    None
}

impl Walk {
    /// A walk over `root`, positioned on it.
    pub fn new(root: &Node) -> Walk {
        let native = super::page::document()
            .ok()
            .and_then(|d| d.create_tree_walker_with_what_to_show(root, 0x1 | 0x4).ok());
        match native {
            Some(w) => Walk::Native(w),
            None => Walk::Plain {
                root: root.clone(),
                current: Rc::new(RefCell::new(root.clone())),
            },
        }
    }

    /// Moves to `n` (a node under the root).
    pub fn set_current_node(&self, n: &Node) {
        match self {
            Walk::Native(w) => w.set_current_node(n),
            Walk::Plain { current, .. } => *current.borrow_mut() = n.clone(),
        }
    }

    /// Moves to the current node's first shown child, if any.
    pub fn first_child(&self) -> Option<Node> {
        match self {
            Walk::Native(w) => w.first_child().ok().flatten(),
            Walk::Plain { current, .. } => {
                let c = first_shown(current.borrow().first_child())?;
                *current.borrow_mut() = c.clone();
                Some(c)
            }
        }
    }

    /// Moves to the current node's next shown sibling, if any (never past
    /// the root).
    pub fn next_sibling(&self) -> Option<Node> {
        match self {
            Walk::Native(w) => w.next_sibling().ok().flatten(),
            Walk::Plain { root, current } => {
                if current.borrow().is_same_node(Some(root)) {
                    return None;
                }
                let s = first_shown(current.borrow().next_sibling())?;
                *current.borrow_mut() = s.clone();
                Some(s)
            }
        }
    }

    /// Moves to the current node's parent, unless it is the root.
    pub fn parent_node(&self) -> Option<Node> {
        match self {
            Walk::Native(w) => w.parent_node().ok().flatten(),
            Walk::Plain { root, current } => {
                if current.borrow().is_same_node(Some(root)) {
                    return None;
                }
                let p = current.borrow().parent_node()?;
                *current.borrow_mut() = p.clone();
                Some(p)
            }
        }
    }
}
