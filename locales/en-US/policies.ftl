# Policies: the policy library at the kiosk (issue 18).
welcome-policies = Policies
welcome-policies-detail = the documents behind the services, explained
banner-policies = Policies
banner-policy = Policy
crumb-policies = Policies
policies-label = Search policies:
policies-hint = { $count } documents, newest first. Type a title, number or issuer, or tap a filter below:
policies-found = { $count ->
    [one] 1 document found:
   *[other] { $count } documents found:
}
policies-none = No document matches. Change the words typed, or set a filter back to "Any":
policies-loading = Getting the policy documents, please wait…
policies-unavailable = The policy documents cannot be fetched right now ({ $reason }); please try again later:
policy-filter-issuer = Issuer
policy-filter-year = Year published
policy-filter-validity = Validity
policy-filter-any = Any
policy-filter-item = { $filter }: { $value }
policy-filter-heading = Filter by { $filter }, choose one:
policy-filter-current = (current)
policy-year = { $year }
validity-in-force = In force
validity-amended = Amended
validity-repealed = Repealed
validity-expired = Expired
policy-status-amended = Note: this document has been amended; the amended text applies now.
policy-status-repealed = Note: this document has been repealed and no longer applies.
policy-status-expired = Note: this document has expired and no longer applies.
policy-replacement = Applies now: { $value }
policy-validity = Validity: { $value }
policy-issuers = Issued by: { $value }
policy-doc-number = Document number: { $value }
policy-index-number = Index number: { $value }
policy-written = Written: { $value }
policy-published = Published: { $value }
policy-effective = In effect from: { $value }
policy-topic = Category: { $value }
policy-summary = Summary (in our plain words)
policy-interpretation = Interpretation ({ $value })
policy-question = Q: { $value }
policy-answer = A: { $value }
policy-example = Example: { $value }
policy-services = Services it governs (Enter opens the guide)
policy-phone-scan = Scan to read this document on your phone
guide-based-on = Based on (Enter opens the document)
key-open-item = Open
