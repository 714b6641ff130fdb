"""Staff work: /invite, link approvals, /unanswered and relayed replies."""
