import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep verified integrator tokens in memory; any change that can end a token's
 * validity (revocation, expiry, scopes, secret, organisation, deletion), however it is made,
 * notifies them on commit so that they forget it (channel concord_tokens, payload the token id).
 */
export class TokenChangeNotify1795244000000 implements MigrationInterface {
  name = 'TokenChangeNotify1795244000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION concord_token_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('concord_tokens', OLD.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER api_token_changed AFTER UPDATE ON "api_token" FOR EACH ROW
      WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR OLD.scopes IS DISTINCT FROM NEW.scopes OR OLD.secret_hash IS DISTINCT FROM NEW.secret_hash
        OR OLD.actor_id IS DISTINCT FROM NEW.actor_id)
      EXECUTE FUNCTION concord_token_changed()`);
    await queryRunner.query(`CREATE TRIGGER api_token_deleted AFTER DELETE ON "api_token" FOR EACH ROW
      EXECUTE FUNCTION concord_token_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER api_token_deleted ON "api_token"`);
    await queryRunner.query(`DROP TRIGGER api_token_changed ON "api_token"`);
    await queryRunner.query(`DROP FUNCTION concord_token_changed()`);
  }
}
