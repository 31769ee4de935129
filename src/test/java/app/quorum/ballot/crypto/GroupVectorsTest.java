package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The group arithmetic against published P-256 test vectors: {@code k·G} for NIST P-256 from the widely reproduced
 * list "Test vectors for the NIST elliptic curves" (point-at-infinity.org/ecc/nisttv, k = 1, 2, 3, 20,
 * 112233445566778899, 112233445566778899112233445566778899, q − 1), checked through every multiplication path Quorum
 * uses: the comb for {@code G}, the comb for another fixed base, plain multiplication, Shamir's trick — and through
 * the strict encoding.
 */
class GroupVectorsTest {

    @ParameterizedTest
    @CsvSource({
        "1, 6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296, 4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
        "2, 7CF27B188D034F7E8A52380304B51AC3C08969E277F21B35A60B48FC47669978, 07775510DB8ED040293D9AC69F7430DBBA7DADE63CE982299E04B79D227873D1",
        "3, 5ECBE4D1A6330A44C8F7EF951D4BF165E6C6B721EFADA985FB41661BC6E7FD6C, 8734640C4998FF7E374B06CE1A64A2ECD82AB036384FB83D9A79B127A27D5032",
        "20, 83A01A9378395BAB9BCD6A0AD03CC56D56E6B19250465A94A234DC4C6B28DA9A, 76E49B6DE2F73234AE6A5EB9D612B75C9F2202BB6923F54FF8240AAA86F640B8",
        "112233445566778899, 339150844EC15234807FE862A86BE77977DBFB3AE3D96F4C22795513AEAAB82F, B1C14DDFDC8EC1B2583F51E85A5EB3A155840F2034730E9B5ADA38B674336A21",
        "112233445566778899112233445566778899, 1B7E046A076CC25E6D7FA5003F6729F665CC3241B5ADAB12B498CD32F2803264, BFEA79BE2B666B073DB69A2A241ADAB0738FE9D2DD28B5604EB8C8CF097C457B",
        "115792089210356248762697446949407573529996955224135760342422259061068512044368, 6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296, B01CBD1C01E58065711814B583F061E9D431CCA994CEA1313449BF97C840AE0A"
    })
    void kTimesGIsThePublishedPoint(String k, String x, String y) {
        BigInteger scalar = new BigInteger(k);
        BigInteger px = new BigInteger(x, 16);
        BigInteger py = new BigInteger(y, 16);
        for (ECPoint computed : new ECPoint[] {Group.mulG(scalar), Group.mul(Group.G, scalar),
            Group.sumOfTwo(Group.G, scalar.subtract(BigInteger.ONE), Group.G, BigInteger.ONE),
            Group.mulFixed(Group.mulG(BigInteger.ONE).negate().negate(), scalar)}) {
            ECPoint affine = computed.normalize();
            assertEquals(px, affine.getAffineXCoord().toBigInteger(), "x of " + k + "·G");
            assertEquals(py, affine.getAffineYCoord().toBigInteger(), "y of " + k + "·G");
        }
        String expected = (py.testBit(0) ? "03" : "02") + String.format("%064x", px);
        assertEquals(expected, Codec.hex(Group.mulG(scalar)));
        assertEquals(Group.mulG(scalar), Codec.point(expected));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "63", "64", "2000"})
    void smallMultiplesAreRepeatedAdditions(long v) {
        ECPoint sum = Group.infinity();
        for (long i = 0; i < v; i++) {
            sum = sum.add(Group.G);
        }
        assertEquals(sum, Group.smallMultiple(v));
    }

    @org.junit.jupiter.api.Test
    void theOrderAnnihilatesG() {
        assertTrue(Group.G.multiply(Group.Q).isInfinity());
        assertEquals("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", Group.Q.toString(16));
    }
}
