-- The schema at the migration head, dumped from a migrated file by scripts/dump_schema.py.
-- Do not edit: add a migration, then run that script again.
-- revision: 0003
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE changebatch (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	summary VARCHAR(300) NOT NULL, 
	undone BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_changebatch_at ON changebatch (at);
CREATE TABLE holiday (
	day DATE NOT NULL, 
	label VARCHAR(80) NOT NULL, 
	PRIMARY KEY (day)
);
CREATE TABLE person (
	id INTEGER NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	handle VARCHAR(30) NOT NULL, 
	role VARCHAR(60) NOT NULL, 
	email VARCHAR(120), 
	weekly_capacity_hours INTEGER NOT NULL, 
	active BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_weekly_capacity_hours_range CHECK (weekly_capacity_hours BETWEEN 0 AND 80), 
	UNIQUE (handle)
);
CREATE TABLE plantemplate (
	id INTEGER NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_kind_allowed CHECK (kind IN ('campaign', 'print', 'video', 'event', 'social', 'photo')), 
	UNIQUE (name)
);
CREATE TABLE setting (
	"key" VARCHAR(60) NOT NULL, 
	value VARCHAR(2000) NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE vendor (
	id INTEGER NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	category VARCHAR(20) NOT NULL, 
	contact_name VARCHAR(120) NOT NULL, 
	email VARCHAR(120) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	rating INTEGER NOT NULL, 
	notes VARCHAR(2000) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_category_allowed CHECK (category IN ('printer', 'photographer', 'video', 'media', 'events', 'other')), 
	CONSTRAINT ck_rating_range CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX ix_vendor_name ON vendor (name);
CREATE TABLE changeentry (
	id INTEGER NOT NULL, 
	batch_id INTEGER NOT NULL, 
	table_name VARCHAR(40) NOT NULL, 
	row_key VARCHAR(80) NOT NULL, 
	action VARCHAR(10) NOT NULL, 
	"before" VARCHAR, 
	"after" VARCHAR, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_action_allowed CHECK (action IN ('create', 'update', 'delete')), 
	FOREIGN KEY(batch_id) REFERENCES changebatch (id) ON DELETE CASCADE
);
CREATE INDEX ix_changeentry_batch_id ON changeentry (batch_id);
CREATE TABLE plantemplatestep (
	id INTEGER NOT NULL, 
	template_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(120) NOT NULL, 
	lead_days INTEGER NOT NULL, 
	role VARCHAR(60) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_step_lead_days CHECK (lead_days >= 0), 
	FOREIGN KEY(template_id) REFERENCES plantemplate (id) ON DELETE CASCADE
);
CREATE INDEX ix_plantemplatestep_template_id ON plantemplatestep (template_id);
CREATE TABLE project (
	id INTEGER NOT NULL, 
	code VARCHAR(30) NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	client VARCHAR(120) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	start_on DATE, 
	delivery_on DATE, 
	currency VARCHAR(3) NOT NULL, 
	owner_id INTEGER, 
	health_override VARCHAR(20), 
	health_comment VARCHAR(200) NOT NULL, 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_health_override_allowed CHECK (health_override IS NULL OR health_override IN ('on_track', 'at_risk', 'off_track')), 
	CONSTRAINT ck_kind_allowed CHECK (kind IN ('campaign', 'print', 'video', 'event', 'social', 'photo')), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('live', 'on_hold', 'done', 'archived')), 
	CONSTRAINT ck_project_currency CHECK (length(currency) = 3), 
	FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	UNIQUE (code)
);
CREATE INDEX ix_project_status ON project (status);
CREATE TABLE budgetline (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	category VARCHAR(40) NOT NULL, 
	estimate_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	is_contingency BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_budgetline_estimate_minor_size CHECK (abs(estimate_minor) < 10000000000000), 
	CONSTRAINT ck_budgetline_estimate_minor_whole CHECK (estimate_minor = CAST(estimate_minor AS BIGINT)), 
	CONSTRAINT ck_budgetline_estimate_minor_nonneg CHECK (estimate_minor >= 0), 
	CONSTRAINT ck_budgetline_currency CHECK (length(currency) = 3 AND upper(currency) = currency), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_budgetline_project_id ON budgetline (project_id);
CREATE TABLE campaignmetric (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	channel VARCHAR(40) NOT NULL, 
	reach INTEGER NOT NULL, 
	clicks INTEGER NOT NULL, 
	conversions INTEGER NOT NULL, 
	spend_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_metric_spend_minor_size CHECK (abs(spend_minor) < 10000000000000), 
	CONSTRAINT ck_metric_currency CHECK (length(currency) = 3 AND upper(currency) = currency), 
	CONSTRAINT ck_metric_spend_minor_whole CHECK (spend_minor = CAST(spend_minor AS BIGINT)), 
	CONSTRAINT ck_metric_spend_minor_nonneg CHECK (spend_minor >= 0), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_metric_project_day ON campaignmetric (project_id, day);
CREATE TABLE checklistitem (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	label VARCHAR(80) NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_checklistitem_project_id ON checklistitem (project_id);
CREATE TABLE deliverable (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	due_on DATE, 
	status VARCHAR(20) NOT NULL, 
	bat_signed_by VARCHAR(80), 
	bat_signed_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_kind_allowed CHECK (kind IN ('print', 'video', 'digital', 'photo', 'event', 'social')), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('planned', 'in_progress', 'in_review', 'approved', 'delivered')), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_deliverable_project_id ON deliverable (project_id);
CREATE TABLE healthlog (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	health VARCHAR(20), 
	comment VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_healthlog_project_id ON healthlog (project_id);
CREATE TABLE risk (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	likelihood INTEGER NOT NULL, 
	impact INTEGER NOT NULL, 
	mitigation VARCHAR(1000) NOT NULL, 
	contingency VARCHAR(1000) NOT NULL, 
	owner_id INTEGER, 
	status VARCHAR(12) NOT NULL, 
	review_on DATE, 
	created_on DATE, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('open', 'mitigating', 'closed', 'occurred')), 
	CONSTRAINT ck_impact_range CHECK (impact BETWEEN 1 AND 5), 
	CONSTRAINT ck_likelihood_range CHECK (likelihood BETWEEN 1 AND 5), 
	FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_risk_project_id ON risk (project_id);
CREATE INDEX ix_risk_status ON risk (status);
CREATE TABLE review (
	id INTEGER NOT NULL, 
	deliverable_id INTEGER NOT NULL, 
	round INTEGER NOT NULL, 
	submitted_on DATE NOT NULL, 
	verdict VARCHAR(20) NOT NULL, 
	feedback VARCHAR(4000) NOT NULL, 
	reviewer_id INTEGER, 
	reviewed_on DATE, 
	is_bat BOOLEAN NOT NULL, 
	signed_by VARCHAR(80), 
	signed_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_verdict_allowed CHECK (verdict IN ('pending', 'changes_requested', 'approved')), 
	FOREIGN KEY(deliverable_id) REFERENCES deliverable (id) ON DELETE CASCADE, 
	FOREIGN KEY(reviewer_id) REFERENCES person (id) ON DELETE SET NULL, 
	CONSTRAINT uq_review_round UNIQUE (deliverable_id, round)
);
CREATE INDEX ix_review_deliverable_id ON review (deliverable_id);
CREATE INDEX ix_review_verdict ON review (verdict, submitted_on);
CREATE TABLE task (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	deliverable_id INTEGER, 
	title VARCHAR(200) NOT NULL, 
	assignee_id INTEGER, 
	due_on DATE, 
	status VARCHAR(12) NOT NULL, 
	priority INTEGER NOT NULL, 
	estimate_hours INTEGER NOT NULL, 
	done_at DATETIME, 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_task_done_at CHECK ((status = 'done') = (done_at IS NOT NULL)), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('todo', 'doing', 'done', 'cancelled')), 
	CONSTRAINT ck_estimate_hours_range CHECK (estimate_hours BETWEEN 0 AND 1000), 
	CONSTRAINT ck_priority_range CHECK (priority BETWEEN 1 AND 3), 
	FOREIGN KEY(assignee_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(deliverable_id) REFERENCES deliverable (id) ON DELETE SET NULL, 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_assignee_status ON task (assignee_id, status);
CREATE INDEX ix_task_project ON task (project_id, status);
CREATE INDEX ix_task_status_due ON task (status, due_on);
CREATE TABLE note (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	task_id INTEGER, 
	body VARCHAR(2000) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE SET NULL
);
CREATE INDEX ix_note_person_id ON note (person_id);
CREATE TABLE purchaseorder (
	id INTEGER NOT NULL, 
	number VARCHAR(30) NOT NULL, 
	quote_id INTEGER, 
	vendor_id INTEGER NOT NULL, 
	budget_line_id INTEGER NOT NULL, 
	amount_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	issued_on DATE NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('open', 'closed', 'cancelled')), 
	CONSTRAINT ck_po_amount_minor_size CHECK (abs(amount_minor) < 10000000000000), 
	CONSTRAINT ck_po_amount_minor_whole CHECK (amount_minor = CAST(amount_minor AS BIGINT)), 
	CONSTRAINT ck_po_amount_minor_nonneg CHECK (amount_minor >= 0), 
	CONSTRAINT ck_po_currency CHECK (length(currency) = 3 AND upper(currency) = currency), 
	FOREIGN KEY(budget_line_id) REFERENCES budgetline (id) ON DELETE CASCADE, 
	FOREIGN KEY(quote_id) REFERENCES quote (id) ON DELETE SET NULL, 
	FOREIGN KEY(vendor_id) REFERENCES vendor (id) ON DELETE RESTRICT, 
	UNIQUE (number)
);
CREATE INDEX ix_purchaseorder_budget_line_id ON purchaseorder (budget_line_id);
CREATE INDEX ix_purchaseorder_vendor_id ON purchaseorder (vendor_id);
CREATE TABLE request (
	id INTEGER NOT NULL, 
	source VARCHAR(10) NOT NULL, 
	requester VARCHAR(120) NOT NULL, 
	subject VARCHAR(200) NOT NULL, 
	body VARCHAR(20000) NOT NULL, 
	received_at DATETIME NOT NULL, 
	urgency VARCHAR(10) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	wanted_on DATE, 
	project_id INTEGER, 
	person_id INTEGER, 
	task_id INTEGER, 
	message_id VARCHAR(300), 
	PRIMARY KEY (id), 
	CONSTRAINT ck_source_allowed CHECK (source IN ('email', 'phone', 'chat', 'meeting')), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('open', 'triaged', 'archived')), 
	CONSTRAINT ck_request_subject CHECK (subject <> ''), 
	CONSTRAINT ck_urgency_allowed CHECK (urgency IN ('normal', 'urgent')), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(project_id) REFERENCES project (id) ON DELETE SET NULL, 
	FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE SET NULL, 
	CONSTRAINT uq_request_message_id UNIQUE (message_id)
);
CREATE INDEX ix_request_status ON request (status, urgency, received_at);
CREATE TABLE reviewcheck (
	review_id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	checked BOOLEAN NOT NULL, 
	PRIMARY KEY (review_id, item_id), 
	FOREIGN KEY(item_id) REFERENCES checklistitem (id) ON DELETE CASCADE, 
	FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE
);
CREATE TABLE taskdependency (
	task_id INTEGER NOT NULL, 
	depends_on_id INTEGER NOT NULL, 
	PRIMARY KEY (task_id, depends_on_id), 
	CONSTRAINT ck_dependency_not_self CHECK (task_id <> depends_on_id), 
	FOREIGN KEY(depends_on_id) REFERENCES task (id) ON DELETE CASCADE, 
	FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE
);
CREATE INDEX ix_taskdependency_depends_on_id ON taskdependency (depends_on_id);
CREATE TABLE delivery (
	id INTEGER NOT NULL, 
	purchase_order_id INTEGER NOT NULL, 
	description VARCHAR(200) NOT NULL, 
	expected_on DATE NOT NULL, 
	actual_on DATE, 
	status VARCHAR(12) NOT NULL, 
	quality_ok BOOLEAN, 
	issue_note VARCHAR(1000) NOT NULL, 
	received_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('scheduled', 'shipped', 'received', 'partial')), 
	CONSTRAINT ck_delivery_actual CHECK (status NOT IN ('received', 'partial') OR actual_on IS NOT NULL), 
	FOREIGN KEY(purchase_order_id) REFERENCES purchaseorder (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_open ON delivery (status, expected_on);
CREATE INDEX ix_delivery_purchase_order_id ON delivery (purchase_order_id);
CREATE TABLE expense (
	id INTEGER NOT NULL, 
	budget_line_id INTEGER NOT NULL, 
	vendor_id INTEGER, 
	purchase_order_id INTEGER, 
	amount_minor INTEGER NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	spent_on DATE NOT NULL, 
	description VARCHAR(200) NOT NULL, 
	invoice_ref VARCHAR(60) NOT NULL, 
	import_key VARCHAR(64), 
	created_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_expense_amount_minor_size CHECK (abs(amount_minor) < 10000000000000), 
	CONSTRAINT ck_expense_amount_minor_whole CHECK (amount_minor = CAST(amount_minor AS BIGINT)), 
	CONSTRAINT ck_expense_currency CHECK (length(currency) = 3 AND upper(currency) = currency), 
	FOREIGN KEY(budget_line_id) REFERENCES budgetline (id) ON DELETE CASCADE, 
	FOREIGN KEY(purchase_order_id) REFERENCES purchaseorder (id) ON DELETE SET NULL, 
	FOREIGN KEY(vendor_id) REFERENCES vendor (id) ON DELETE SET NULL, 
	CONSTRAINT uq_expense_import_key UNIQUE (import_key)
);
CREATE INDEX ix_expense_line_date ON expense (budget_line_id, spent_on);
CREATE TABLE "quote" (
	id INTEGER NOT NULL, 
	budget_line_id INTEGER NOT NULL, 
	deliverable_id INTEGER, 
	vendor_id INTEGER NOT NULL, 
	description VARCHAR(200) NOT NULL, 
	amount_minor INTEGER, 
	currency VARCHAR(3) NOT NULL, 
	lead_days INTEGER, 
	requested_on DATE, 
	received_on DATE, 
	valid_until DATE, 
	status VARCHAR(12) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_quote_amount_minor_nonneg CHECK (amount_minor >= 0), 
	CONSTRAINT ck_quote_amount_minor_size CHECK (abs(amount_minor) < 10000000000000), 
	CONSTRAINT ck_status_allowed CHECK (status IN ('requested', 'received', 'negotiating', 'accepted', 'declined')), 
	CONSTRAINT ck_quote_amount_minor_whole CHECK (amount_minor = CAST(amount_minor AS BIGINT)), 
	CONSTRAINT ck_quote_currency CHECK (length(currency) = 3 AND upper(currency) = currency), 
	CONSTRAINT ck_quote_lead_days CHECK (lead_days IS NULL OR lead_days >= 0), 
	CONSTRAINT ck_quote_amount_known CHECK (status IN ('requested', 'declined') OR amount_minor IS NOT NULL), 
	FOREIGN KEY(deliverable_id) REFERENCES deliverable (id) ON DELETE SET NULL, 
	FOREIGN KEY(vendor_id) REFERENCES vendor (id) ON DELETE RESTRICT, 
	FOREIGN KEY(budget_line_id) REFERENCES budgetline (id) ON DELETE CASCADE
);
CREATE INDEX ix_quote_vendor_id ON quote (vendor_id);
CREATE INDEX ix_quote_budget_line_id ON quote (budget_line_id);
CREATE INDEX ix_expense_list ON expense (spent_on, id, description, invoice_ref, vendor_id, budget_line_id);
INSERT INTO alembic_version (version_num) VALUES ('0003');
