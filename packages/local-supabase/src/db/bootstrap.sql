-- What a Supabase project already has before the first migration runs.
-- Idempotent: run on every start.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_admin') then
    create role supabase_admin login superuser createdb createrole replication bypassrls password 'postgres';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin noinherit createrole login password 'postgres';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then
    create role supabase_realtime_admin noinherit nologin;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;

-- Extensions live in their own schema, as on Supabase.
create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- public: the API roles may use everything; RLS decides which rows.
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- auth: the tables GoTrue keeps, with the columns supabase-js relies on.
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_instance_id_idx on auth.users (instance_id);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid primary key default extensions.gen_random_uuid(),
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz,
  aal text,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

-- One-time tokens for magic links, invitations, recovery and e-mail OTPs.
create table if not exists auth.one_time_tokens (
  id uuid primary key default extensions.gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null,
  token_hash text not null,
  relates_to text not null,
  created_at timestamp not null default now(),
  updated_at timestamp not null default now()
);
create index if not exists one_time_tokens_token_hash_idx on auth.one_time_tokens (token_hash);

create table if not exists auth.audit_log_entries (
  instance_id uuid,
  id uuid primary key,
  payload json,
  created_at timestamptz,
  ip_address varchar(64) not null default ''
);

-- Claims helpers, reading request.jwt.claims as Supabase's do.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role, postgres;
grant select on auth.users to service_role, postgres;
grant all on all tables in schema auth to supabase_auth_admin, postgres;
grant all on all sequences in schema auth to supabase_auth_admin, postgres;

-- Realtime: the publication postgres_changes reads, and the schema for channel authorization.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role, postgres;

-- The Supabase CLI's migration history.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
create table if not exists supabase_migrations.seed_files (
  path text primary key,
  hash text not null
);

-- auth additions
-- PKCE flow state (GoTrue's auth.flow_state): the code challenge waits here until the
-- e-mail link is followed, then the issued auth code is exchanged once for a session.
create table if not exists auth.flow_state (
  id uuid primary key,
  user_id uuid,
  auth_code text not null,
  code_challenge_method text not null,
  code_challenge text not null,
  provider_type text not null,
  provider_access_token text,
  provider_refresh_token text,
  created_at timestamptz,
  updated_at timestamptz,
  authentication_method text not null,
  auth_code_issued_at timestamptz
);
create index if not exists idx_auth_code on auth.flow_state (auth_code);
create index if not exists idx_user_id_auth_method on auth.flow_state (user_id, authentication_method);

-- How each session was authenticated (the `amr` claim), as GoTrue records it.
create table if not exists auth.mfa_amr_claims (
  session_id uuid not null references auth.sessions (id) on delete cascade,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  authentication_method text not null,
  id uuid primary key,
  constraint mfa_amr_claims_session_id_authentication_method_pkey unique (session_id, authentication_method)
);
grant all on auth.flow_state, auth.mfa_amr_claims to supabase_auth_admin, postgres;

-- realtime additions
-- Realtime Authorization: private channels are allowed by RLS policies on realtime.messages,
-- which read the channel name through realtime.topic(), as on Supabase.
create table if not exists realtime.messages (
  id uuid primary key default extensions.gen_random_uuid(),
  topic text not null,
  extension text not null,
  event text,
  payload jsonb,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;
grant all on realtime.messages to postgres;
create index if not exists messages_topic_idx on realtime.messages (topic);

create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;
grant execute on function realtime.topic() to anon, authenticated, service_role, postgres;

-- Broadcast from the database, as on Supabase: realtime.send inserts a row into realtime.messages
-- and the realtime server, reading inserts on this publication from the replication stream,
-- broadcasts it to the topic (to private channels when `private`). The insert runs as the
-- caller, so INSERT policies on realtime.messages apply to it; a failed send is only a warning.
-- Old rows are removed by the realtime server after 72 hours (hosted Supabase drops the daily
-- partitions of the same age), hence the index on inserted_at.
create index if not exists messages_inserted_at_idx on realtime.messages (inserted_at);
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime_messages_publication') then
    create publication supabase_realtime_messages_publication for table realtime.messages
      with (publish = 'insert');
  end if;
end
$$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
declare
  message_id uuid := extensions.gen_random_uuid();
begin
  begin
    perform set_config('realtime.topic', topic, true);
    -- The payload carries the message id unless it names its own.
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (message_id,
            case when payload ? 'id' then payload else jsonb_set(payload, '{id}', to_jsonb(message_id)) end,
            event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end
$$;

-- For row triggers: broadcasts {record, old_record, operation, table, schema} to `topic_name`.
create or replace function realtime.broadcast_changes(
  topic_name text,
  event_name text,
  operation text,
  table_name text,
  table_schema text,
  new record,
  old record,
  level text default 'ROW'
) returns void
language plpgsql
as $$
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation not in ('INSERT', 'UPDATE', 'DELETE') then
    raise exception 'Unexpected operation type: %', operation;
  end if;
  perform realtime.send(
    jsonb_build_object('old_record', old, 'record', new, 'operation', operation,
                       'table', table_name, 'schema', table_schema),
    event_name, topic_name);
exception when others then
  raise exception 'Failed to process the row: %', sqlerrm;
end
$$;
grant execute on function realtime.send(jsonb, text, text, boolean),
  realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to anon, authenticated, service_role, postgres;

-- Logical decoding can hand over a commit a moment before it is visible to other sessions, so a
-- check about the transaction `committed_xid` (32-bit, from the stream) first waits (briefly) for it.
create or replace function realtime.wait_for_transaction(committed_xid bigint) returns void
language plpgsql volatile
as $$
declare
  snap pg_snapshot;
  xmax bigint;
  full_xid bigint;
  tries int := 0;
begin
  loop
    snap := pg_current_snapshot();
    xmax := pg_snapshot_xmax(snap)::text::bigint;
    full_xid := ((xmax >> 32) << 32) | committed_xid;
    if full_xid > xmax + 2147483648 then
      full_xid := full_xid - 4294967296;
    end if;
    exit when full_xid < 3 or pg_visible_in_snapshot(full_xid::text::xid8, snap);
    tries := tries + 1;
    exit when tries > 2000;
    perform pg_sleep(0.0005);
  end loop;
end
$$;

-- Prepares `query` (taking one text[] parameter) once per session, under a name derived from its
-- text, and returns the start of its EXECUTE statement (`execute name(`) for the caller to finish
-- with the argument and a closing parenthesis.
create or replace function realtime.prepared_lookup(query text) returns text
language plpgsql volatile
as $$
declare
  statement_name text := 'realtime_visible_' || md5(query);
begin
  if not exists (select from pg_prepared_statements p where p.name = statement_name) then
    execute format('prepare %I(text[]) as %s', statement_name, query);
  end if;
  return format('execute %I(', statement_name);
end
$$;
revoke all on function realtime.prepared_lookup(text) from public;
revoke all on function realtime.prepared_lookup(text) from anon, authenticated, service_role;

-- Which changed rows of `target` each subscriber may SELECT, for a batch of changes checked in one
-- call. Subscriber i acts as `roles[i]` with JWT claims `claims[i]` and asks about
-- `wanted_counts[i]` rows, given by their values for `key_columns`, row after row, in `keys[i]`
-- (an array literal). The answer has one boolean per row asked about, subscriber by subscriber.
-- Each check runs as that subscriber, so Postgres applies RLS; the role switches are
-- transaction-local, so the caller runs this as one statement. The lookups are prepared once per
-- session and table (as Supabase Realtime's apply_rls prepares its check once and executes it per
-- subscriber), so a subscriber costs one execution, not a plan.
create or replace function realtime.visible_rows_to_subscribers(
  target regclass,
  key_columns text[],
  keys text[],
  roles text[],
  claims text[],
  wanted_counts int[],
  committed_xids bigint[]
) returns boolean[]
language plpgsql volatile
-- The lookup's estimate cannot see how many rows a call asks about, so the default would plan it
-- anew at every execution; its generic plan (a key lookup per row) is the right one for any count.
set plan_cache_mode = force_generic_plan
as $$
declare
  key_count int := coalesce(array_length(key_columns, 1), 0);
  predicate text;
  one_row_predicate text;
  query text;
  committed_xid bigint;
  acting_role text;
  setting text;
  seen boolean[];
  result boolean[] := '{}';
  execute_prefix text;
  execute_one_prefix text;
  identity_count int := coalesce(array_length(roles, 1), 0);
  next_identity int := 1;
begin
  if key_count = 0 then
    -- No key to find a row by: nobody can be shown to see it.
    return array(select false from unnest(wanted_counts) as c, generate_series(1, c));
  end if;
  foreach committed_xid in array (select array_agg(distinct x) from unnest(committed_xids) as x) loop
    perform realtime.wait_for_transaction(committed_xid);
  end loop;
  select string_agg(format('%I = ($1[w.r * %s + %s])::%s', k.name, key_count, k.ord,
                           format_type(a.atttypid, a.atttypmod)), ' and '),
         string_agg(format('%I = ($1[%s])::%s', k.name, k.ord,
                           format_type(a.atttypid, a.atttypmod)), ' and ')
    into predicate, one_row_predicate
    from unnest(key_columns) with ordinality as k(name, ord)
    join pg_attribute a on a.attrelid = target and a.attname = k.name and not a.attisdropped;
  -- One key lookup per row (LIMIT keeps it a lookup, never a scan joined to the list).
  query := format('select array_agg(found.hit is not null order by w.r) '
                  'from generate_series(0, cardinality($1) / %s - 1) as w(r) '
                  'left join lateral (select true as hit from %s where %s limit 1) as found on true',
                  key_count, target, predicate);
  execute_prefix := realtime.prepared_lookup(query);
  -- An identity asking about one row (the usual case) needs no list: one EXISTS, a plan that is
  -- quicker to start.
  query := format('select array[exists(select from %s where %s)]', target, one_row_predicate);
  execute_one_prefix := realtime.prepared_lookup(query);
  -- One subtransaction for a run of identities, not one each (its start and end cost more than a
  -- lookup). When an identity's check fails, the block is undone (its role and claims settings with
  -- it; the answers so far are variables and stay), that identity sees nothing, and a new run
  -- starts after it: a failing check isolates only its own subscriber, as Supabase Realtime
  -- isolates each subscription's RLS errors.
  while next_identity <= identity_count loop
    begin
      while next_identity <= identity_count loop
        -- Assignments, not PERFORM: evaluated as plain expressions, without a query each.
        setting := set_config('request.jwt.claims', claims[next_identity], true);
        if acting_role is distinct from roles[next_identity] then
          setting := set_config('role', roles[next_identity], true);
          acting_role := roles[next_identity];
        end if;
        execute case when wanted_counts[next_identity] = 1 then execute_one_prefix else execute_prefix end
                || quote_nullable(keys[next_identity]) || ')' into seen;
        result := result || seen;
        next_identity := next_identity + 1;
      end loop;
    exception when others then
      -- No SELECT privilege, or a policy that raises on these claims: this subscriber's alone.
      acting_role := null;
      result := result || array_fill(false, array[wanted_counts[next_identity]]);
      next_identity := next_identity + 1;
    end;
  end loop;
  perform set_config('role', 'none', true);
  return result;
end
$$;
drop function if exists realtime.visible_to_subscribers(regclass, text[], text[], jsonb);
drop function if exists realtime.visible_to_subscribers(regclass, text[], text[], jsonb, bigint);
revoke all on function realtime.visible_rows_to_subscribers(regclass, text[], text[], text[], text[], int[], bigint[]) from public;
revoke all on function realtime.visible_rows_to_subscribers(regclass, text[], text[], text[], text[], int[], bigint[]) from anon, authenticated, service_role;

-- The USING expressions of the SELECT (and ALL) policies of `target` that apply to `role_name`,
-- combined as Postgres combines them (permissive ones or-ed, restrictive ones and-ed, 'false'
-- without a permissive one). Deparsed with every name schema-qualified (the search_path below),
-- as pg_dump does, so the text means the same under any search_path.
create or replace function realtime.select_policy_predicate(target regclass, role_name text)
returns text
language sql stable
set search_path = pg_catalog
as $$
  select coalesce(
           '(' || string_agg('(' || pg_get_expr(p.polqual, p.polrelid) || ')', ' or ')
                    filter (where p.polpermissive) || ')',
           'false')
         || coalesce(' and ' || string_agg('(' || pg_get_expr(p.polqual, p.polrelid) || ')', ' and ')
                                  filter (where not p.polpermissive), '')
    from pg_policy p
   where p.polrelid = target
     and p.polcmd in ('r', '*')
     and p.polqual is not null
     and (0::oid = any (p.polroles)
          or exists (select 1 from unnest(p.polroles) as r(oid) where pg_has_role(role_name, r.oid, 'USAGE')))
$$;
revoke all on function realtime.select_policy_predicate(regclass, text) from public;
revoke all on function realtime.select_policy_predicate(regclass, text) from anon, authenticated, service_role;

-- Which of `subscribers` could SELECT a row of `target` as it was before an update or delete.
-- The row is gone (or changed), so it cannot be looked up: its old image `old_row` (column name ->
-- text value, as logical decoding gives it with REPLICA IDENTITY FULL) is materialised under the
-- table's own name and each subscriber's SELECT policies run against it, as that subscriber (role
-- and claims), so functions and subqueries in the policies behave as in a query on the table.
-- Null when the image lacks a column (e.g. a generated one), so the caller cannot decide from it.
create or replace function realtime.old_row_visible_to_subscribers(
  target regclass,
  old_row jsonb,
  subscribers jsonb,
  committed_xid bigint
) returns boolean[]
language plpgsql volatile
as $$
declare
  missing bigint;
  literal text;
  qualified text;
  relname name;
  predicates jsonb := '{}';
  subscriber jsonb;
  role_name text;
  visible boolean;
  result boolean[] := '{}';
begin
  -- A record literal in the table's own column order, read back by the type's input function.
  select count(*) filter (where not old_row ? a.attname),
         '(' || string_agg(
                  case when old_row ->> a.attname is null then ''
                       else '"' || replace(replace(old_row ->> a.attname, '\', '\\'), '"', '\"') || '"' end,
                  ',' order by a.attnum) || ')'
    into missing, literal
    from pg_attribute a
   where a.attrelid = target and a.attnum > 0 and not a.attisdropped;
  if missing > 0 or literal is null then
    return null;
  end if;
  select format('%I.%I', n.nspname, c.relname), c.relname into qualified, relname
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = target;
  perform realtime.wait_for_transaction(committed_xid);
  for subscriber in select value from jsonb_array_elements(subscribers) loop
    role_name := subscriber ->> 'role';
    if not predicates ? role_name then
      predicates := predicates || jsonb_build_object(role_name, realtime.select_policy_predicate(target, role_name));
    end if;
    perform set_config('request.jwt.claims', subscriber ->> 'claims', true);
    perform set_config('role', role_name, true);
    begin
      if not has_table_privilege(target, 'SELECT') then
        visible := false;
      elsif not row_security_active(target) then
        visible := true;
      else
        execute format('select exists (select 1 from unnest(array[$1::%s]) as %I where %s)',
                       qualified, relname, predicates ->> role_name)
          into visible using literal;
      end if;
    exception when others then
      -- A policy that cannot be evaluated on the old image grants nothing.
      visible := false;
    end;
    perform set_config('role', 'none', true);
    result := result || coalesce(visible, false);
  end loop;
  return result;
end
$$;
revoke all on function realtime.old_row_visible_to_subscribers(regclass, jsonb, jsonb, bigint) from public;
revoke all on function realtime.old_row_visible_to_subscribers(regclass, jsonb, jsonb, bigint) from anon, authenticated, service_role;
revoke all on function realtime.wait_for_transaction(bigint) from public;
revoke all on function realtime.wait_for_transaction(bigint) from anon, authenticated, service_role;

-- rest additions: reload the REST API's schema cache after any DDL, as Supabase's
-- pgrst_ddl_watch / pgrst_drop_watch event triggers do (NOTIFY is delivered at commit).
create or replace function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql
as $$
begin
  notify pgrst, 'reload schema';
end
$$;

create or replace function extensions.pgrst_drop_watch() returns event_trigger
language plpgsql
as $$
begin
  notify pgrst, 'reload schema';
end
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end execute procedure extensions.pgrst_ddl_watch();
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_drop_watch') then
    create event trigger pgrst_drop_watch on sql_drop execute procedure extensions.pgrst_drop_watch();
  end if;
end
$$;
-- end of rest additions

-- cron additions: pg_cron's interface (cron.schedule / cron.unschedule, cron.job,
-- cron.job_run_details), so migrations schedule jobs the same way locally and on Supabase, where
-- pg_cron runs them. Here the stack's scheduler (src/cron) runs them. Skipped where the server
-- has the real extension installed.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    return;
  end if;
  create schema if not exists cron;
  create table if not exists cron.job (
    jobid bigserial primary key,
    schedule text not null,
    command text not null,
    nodename text not null default 'localhost',
    nodeport integer not null default 5432,
    database text not null default current_database(),
    username text not null default current_user,
    active boolean not null default true,
    jobname text unique
  );
  create table if not exists cron.job_run_details (
    jobid bigint,
    runid bigserial primary key,
    job_pid integer,
    database text,
    username text,
    command text,
    status text,
    return_message text,
    start_time timestamptz,
    end_time timestamptz
  );
  alter table cron.job enable row level security;
  alter table cron.job_run_details enable row level security;
  revoke all on schema cron from public, anon, authenticated, service_role;
  revoke all on all tables in schema cron from public, anon, authenticated, service_role;
end
$$;

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    return;
  end if;
  -- Named jobs are replaced, as pg_cron does.
  create or replace function cron.schedule(job_name text, schedule text, command text)
  returns bigint language plpgsql set search_path = '' as $f$
  declare id bigint;
  begin
    if schedule !~ '^\s*\d+\s+seconds?\s*$' and array_length(regexp_split_to_array(trim(schedule), '\s+'), 1) <> 5
       and schedule !~ '^@(yearly|annually|monthly|weekly|daily|hourly)$' then
      raise exception 'invalid schedule: %', schedule using errcode = '22023';
    end if;
    insert into cron.job (jobname, schedule, command) values (job_name, schedule, command)
    on conflict (jobname) do update set schedule = excluded.schedule, command = excluded.command, active = true
    returning jobid into id;
    return id;
  end
  $f$;
  create or replace function cron.schedule(schedule text, command text)
  returns bigint language sql set search_path = '' as $f$ select cron.schedule(null, schedule, command) $f$;
  create or replace function cron.unschedule(job_name text)
  returns boolean language plpgsql set search_path = '' as $f$
  begin
    delete from cron.job where jobname = job_name;
    if not found then raise exception 'could not find valid entry for job ''%''', job_name; end if;
    return true;
  end
  $f$;
  create or replace function cron.unschedule(job_id bigint)
  returns boolean language plpgsql set search_path = '' as $f$
  begin
    delete from cron.job where jobid = job_id;
    if not found then raise exception 'could not find valid entry for job %', job_id; end if;
    return true;
  end
  $f$;
  revoke all on all functions in schema cron from public, anon, authenticated, service_role;
end
$$;
-- end of cron additions
