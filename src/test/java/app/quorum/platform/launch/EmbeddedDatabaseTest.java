package app.quorum.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void quotesThePasswordSoItCannotEndTheStatement() {
        String sql = EmbeddedDatabase.createDatabaseSql("a'b\\c");
        assertTrue(sql.contains("IDENTIFIED BY 'a''b\\\\c';"), sql);
        assertFalse(sql.contains("'a'b"), sql);
    }

    @Test
    void createsTheVietnameseCollatedDatabaseAndTheUserForBothLoopbackNames() {
        String sql = EmbeddedDatabase.createDatabaseSql("pw");
        assertTrue(sql.contains("CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci"), sql);
        assertEquals(2, sql.split("GRANT ALL PRIVILEGES ON `quorum`\\.\\*").length - 1);
        assertTrue(sql.contains("'quorum'@'127.0.0.1'") && sql.contains("'quorum'@'localhost'"), sql);
    }
}
