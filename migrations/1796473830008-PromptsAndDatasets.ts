import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The prompt registry (prompts, immutable versions, labels, the audited history of label moves)
 * datasets built from reviewers' work with their regression runs (libs/prompts, libs/datasets),
 * and shadow policy versions with what they would have done (libs/shadow). Also an index so a prompt version's submissions are found without a scan.
 */
export class PromptsAndDatasets1796473830008 implements MigrationInterface {
  name = 'PromptsAndDatasets1796473830008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prompts (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        description text,
        -- A/B: {a, b, percent}; a and b are labels or version numbers, percent % of units get b.
        split jsonb,
        -- Automatic rollback limits: {maxRejectRateIncrease, maxAuditedErrorIncrease, minSamples, minAudits, target}.
        rollback jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_prompts_key ON prompts (key)`);
    await q.query(`
      CREATE TABLE prompt_versions (
        id uuid PRIMARY KEY,
        prompt_id uuid NOT NULL CONSTRAINT fk_prompt_versions_prompt REFERENCES prompts (id),
        version int NOT NULL CONSTRAINT ck_prompt_versions_version CHECK (version >= 1),
        -- {defaultLanguage, variants: {<language>: [{role, content}]}, partials: {<name>: text}}
        template jsonb NOT NULL,
        variables jsonb NOT NULL,
        model jsonb NOT NULL DEFAULT '{}',
        notes text,
        author text NOT NULL,
        source text NOT NULL,
        -- SHA-256 of the canonical document: the same document again adds no version.
        checksum text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_prompt_versions_prompt_version ON prompt_versions (prompt_id, version)`,
    );
    await q.query(`
      CREATE TABLE prompt_labels (
        prompt_id uuid NOT NULL CONSTRAINT fk_prompt_labels_prompt REFERENCES prompts (id),
        label text NOT NULL,
        version_id uuid NOT NULL CONSTRAINT fk_prompt_labels_version REFERENCES prompt_versions (id),
        -- The version this label pointed at before (automatic rollback goes back to it).
        previous_version_id uuid CONSTRAINT fk_prompt_labels_previous REFERENCES prompt_versions (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_prompt_labels PRIMARY KEY (prompt_id, label)
      )`);
    await q.query(`
      CREATE TABLE prompt_events (
        id bigserial PRIMARY KEY,
        prompt_id uuid NOT NULL CONSTRAINT fk_prompt_events_prompt REFERENCES prompts (id),
        kind text NOT NULL CONSTRAINT ck_prompt_events_kind CHECK (kind IN ('version_created', 'label_moved', 'split_set', 'rolled_back')),
        label text,
        from_version_id uuid,
        to_version_id uuid,
        cause text NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_prompt_events_prompt ON prompt_events (prompt_id, id DESC)`);
    // Submissions name the resolved version id in prompt_version; quality per version reads them.
    await q.query(
      `CREATE INDEX ix_submissions_prompt_version ON submissions (prompt_version) WHERE prompt_version IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE datasets (
        id uuid PRIMARY KEY,
        pipeline_id uuid NOT NULL CONSTRAINT fk_datasets_pipeline REFERENCES pipelines (id),
        client_id uuid NOT NULL CONSTRAINT fk_datasets_client REFERENCES clients (id),
        name text NOT NULL,
        prompt_id uuid CONSTRAINT fk_datasets_prompt REFERENCES prompts (id),
        -- [{kind: approvals|rejections|edits, queue?}]: decided items taken in automatically.
        rules jsonb NOT NULL DEFAULT '[]',
        schedule text NOT NULL DEFAULT 'none' CONSTRAINT ck_datasets_schedule CHECK (schedule IN ('none', 'daily')),
        min_pass_rate double precision NOT NULL CONSTRAINT ck_datasets_min_pass_rate CHECK (min_pass_rate >= 0 AND min_pass_rate <= 1),
        min_similarity double precision NOT NULL CONSTRAINT ck_datasets_min_similarity CHECK (min_similarity >= 0 AND min_similarity <= 1),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_datasets_pipeline_name ON datasets (pipeline_id, name)`);
    await q.query(`
      CREATE TABLE dataset_items (
        id uuid PRIMARY KEY,
        dataset_id uuid NOT NULL CONSTRAINT fk_dataset_items_dataset REFERENCES datasets (id),
        submission_id uuid CONSTRAINT fk_dataset_items_submission REFERENCES submissions (id),
        source text NOT NULL CONSTRAINT ck_dataset_items_source CHECK (source IN ('api', 'rule')),
        verdict text NOT NULL CONSTRAINT ck_dataset_items_verdict CHECK (verdict IN ('approved', 'rejected', 'edited')),
        input jsonb NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        language text,
        output jsonb NOT NULL,
        corrected_output jsonb,
        reasons text[] NOT NULL DEFAULT '{}',
        -- Removed items stay (a rule must not take them in again) but leave exports and runs.
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_dataset_items_submission ON dataset_items (dataset_id, submission_id)`,
    );
    await q.query(`
      CREATE TABLE regression_runs (
        id uuid PRIMARY KEY,
        dataset_id uuid NOT NULL CONSTRAINT fk_regression_runs_dataset REFERENCES datasets (id),
        status text NOT NULL CONSTRAINT ck_regression_runs_status CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        -- {kind: api|schedule|model_change, model?, by?}
        trigger jsonb NOT NULL,
        prompt_version_id uuid CONSTRAINT fk_regression_runs_prompt_version REFERENCES prompt_versions (id),
        model text,
        -- Uploaded candidate outputs by item id (a run that scores them instead of generating).
        candidates jsonb,
        previous_run_id uuid CONSTRAINT fk_regression_runs_previous REFERENCES regression_runs (id),
        items int NOT NULL DEFAULT 0,
        passed int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        errored int NOT NULL DEFAULT 0,
        regressions int NOT NULL DEFAULT 0,
        fixed int NOT NULL DEFAULT 0,
        pass_rate double precision,
        cost_usd numeric(14, 8) NOT NULL DEFAULT 0,
        verdict text CONSTRAINT ck_regression_runs_verdict CHECK (verdict IN ('passed', 'regressed', 'below_target')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_regression_runs_dataset ON regression_runs (dataset_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE regression_results (
        run_id uuid NOT NULL CONSTRAINT fk_regression_results_run REFERENCES regression_runs (id),
        item_id uuid NOT NULL CONSTRAINT fk_regression_results_item REFERENCES dataset_items (id),
        status text NOT NULL CONSTRAINT ck_regression_results_status CHECK (status IN ('passed', 'failed', 'error')),
        candidate jsonb,
        route text,
        confidence double precision,
        similarity double precision,
        reason text NOT NULL,
        provider text,
        model text,
        cost_usd numeric(14, 8) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_regression_results PRIMARY KEY (run_id, item_id)
      )`);
    // The model watch reads recent submissions by creation time; BRIN costs intake next to nothing.
    await q.query(
      `CREATE INDEX ix_submissions_created_brin ON submissions USING brin (created_at)`,
    );
    await q.query(`
      CREATE TABLE models_seen (
        pipeline_id uuid NOT NULL CONSTRAINT fk_models_seen_pipeline REFERENCES pipelines (id),
        -- name:version as the submissions carry it
        model text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        CONSTRAINT pk_models_seen PRIMARY KEY (pipeline_id, model)
      )`);
    await q.query(`
      CREATE TABLE shadow_policies (
        pipeline_id uuid PRIMARY KEY CONSTRAINT fk_shadow_policies_pipeline REFERENCES pipelines (id),
        policy_version_id uuid NOT NULL CONSTRAINT fk_shadow_policies_version REFERENCES policy_versions (id),
        since timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE shadow_scores (
        submission_id uuid NOT NULL CONSTRAINT fk_shadow_scores_submission REFERENCES submissions (id),
        policy_version_id uuid NOT NULL CONSTRAINT fk_shadow_scores_version REFERENCES policy_versions (id),
        pipeline_id uuid NOT NULL,
        active_route text NOT NULL,
        shadow_route text NOT NULL,
        shadow_confidence double precision,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_shadow_scores PRIMARY KEY (submission_id, policy_version_id)
      )`);
    await q.query(
      `CREATE INDEX ix_shadow_scores_version ON shadow_scores (policy_version_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE dataset_watermarks (
        name text PRIMARY KEY,
        at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'dataset_watermarks',
      'shadow_scores',
      'shadow_policies',
      'models_seen',
      'regression_results',
      'regression_runs',
      'dataset_items',
      'datasets',
      'prompt_events',
      'prompt_labels',
      'prompt_versions',
      'prompts',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX ix_submissions_prompt_version`);
    await q.query(`DROP INDEX ix_submissions_created_brin`);
  }
}
