package org.dudao.identity.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hashes of an account's previous passwords (a new password may not repeat the last N). */
@Repository
public class PasswordHistoryStore {

    private final JdbcClient jdbc;

    public PasswordHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> recent(long accountId, int count) {
        return jdbc.sql("select password_hash from identity_password_history where account_id = :a"
                        + " order by changed_at desc, id desc limit :n")
                .param("a", accountId)
                .param("n", count)
                .query(String.class)
                .list();
    }

    public void add(long accountId, String hash, Instant at) {
        jdbc.sql("insert into identity_password_history (account_id, password_hash, changed_at) values (:a, :h, :t)")
                .param("a", accountId)
                .param("h", hash)
                .param("t", Timestamp.from(at))
                .update();
    }
}
