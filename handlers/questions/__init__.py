"""Questions: answers with their source, live answers, did-you-mean, feedback, FAQ entries."""
