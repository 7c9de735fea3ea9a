import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep verified sessions in memory; any change that can end a session or change
 * what its user may do (revocation, a shortened expiry, a deleted session, a deactivated or deleted
 * account, a membership added, changed or removed), however it is made, notifies them on commit so
 * that they forget the user's sessions (channel concord_sessions, payload the user id).
 */
export class SessionChangeNotify1795245000000 implements MigrationInterface {
  name = 'SessionChangeNotify1795245000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION concord_session_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'user_account' THEN
          PERFORM pg_notify('concord_sessions', OLD.id::text);
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('concord_sessions', OLD.user_id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('concord_sessions', NEW.user_id::text); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER session_changed AFTER UPDATE ON "session" FOR EACH ROW
      WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.user_id IS DISTINCT FROM NEW.user_id
        OR OLD.secret_hash IS DISTINCT FROM NEW.secret_hash
        OR NEW.absolute_expires_at < OLD.absolute_expires_at OR NEW.idle_expires_at < OLD.idle_expires_at)
      EXECUTE FUNCTION concord_session_user_changed()`);
    await queryRunner.query(`CREATE TRIGGER session_deleted AFTER DELETE ON "session" FOR EACH ROW
      EXECUTE FUNCTION concord_session_user_changed()`);
    await queryRunner.query(`CREATE TRIGGER user_account_changed AFTER UPDATE ON "user_account" FOR EACH ROW
      WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active)
      EXECUTE FUNCTION concord_session_user_changed()`);
    await queryRunner.query(`CREATE TRIGGER user_account_deleted AFTER DELETE ON "user_account" FOR EACH ROW
      EXECUTE FUNCTION concord_session_user_changed()`);
    await queryRunner.query(`CREATE TRIGGER membership_changed AFTER INSERT OR UPDATE OR DELETE ON "membership"
      FOR EACH ROW EXECUTE FUNCTION concord_session_user_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER membership_changed ON "membership"`);
    await queryRunner.query(`DROP TRIGGER user_account_deleted ON "user_account"`);
    await queryRunner.query(`DROP TRIGGER user_account_changed ON "user_account"`);
    await queryRunner.query(`DROP TRIGGER session_deleted ON "session"`);
    await queryRunner.query(`DROP TRIGGER session_changed ON "session"`);
    await queryRunner.query(`DROP FUNCTION concord_session_user_changed()`);
  }
}
