package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Feldman's verifiable secret sharing checks (Feldman 1987), as joint-Feldman key generation uses them (Pedersen 1991;
 * Gennaro, Jarecki, Krawczyk, Rabin 1999; Belenios's threshold mode, Cortier, Gaudry, Glondu 2019; election-record.md
 * §2): a share {@code s_ij} is good when {@code s_ij·G == Σ_k (j^k mod q)·C_ik}; trustee {@code j}'s verification key
 * is {@code X_j = Σ_i Σ_k (j^k mod q)·C_ik}; the joint key is {@code PK = Σ_i C_i0}.
 */
public final class Feldman {

    private Feldman() {
    }

    /** {@code Σ_k (j^k mod q)·C_k}: what one dealer's commitments say {@code f(j)·G} is. */
    public static ECPoint expected(List<ECPoint> commitments, int j) {
        ECPoint[] points = commitments.toArray(ECPoint[]::new);
        BigInteger[] powers = new BigInteger[points.length];
        BigInteger power = BigInteger.ONE;
        BigInteger x = BigInteger.valueOf(j);
        for (int k = 0; k < points.length; k++) {
            powers[k] = power;
            power = power.multiply(x).mod(Group.Q);
        }
        return ECAlgorithms.sumOfMultiplies(points, powers).normalize();
    }

    /** Whether the share {@code s} from a dealer with these commitments, for trustee {@code j}, is consistent. */
    public static boolean shareIsGood(BigInteger share, List<ECPoint> commitments, int j) {
        return Group.mulG(share).equals(expected(commitments, j));
    }

    /** {@code X_j = Σ_i Σ_k (j^k mod q)·C_ik}: the commitments of all dealers summed per degree, then evaluated. */
    public static ECPoint verificationKey(List<List<ECPoint>> commitmentsByDealer, int j) {
        int degrees = commitmentsByDealer.get(0).size();
        ECPoint[] summed = new ECPoint[degrees];
        for (int k = 0; k < degrees; k++) {
            ECPoint sum = Group.infinity();
            for (List<ECPoint> dealer : commitmentsByDealer) {
                sum = sum.add(dealer.get(k));
            }
            summed[k] = sum;
        }
        Group.normalizeAll(summed);
        return expected(List.of(summed), j);
    }

    /** {@code PK = Σ_i C_i0}. */
    public static ECPoint jointKey(List<List<ECPoint>> commitmentsByDealer) {
        ECPoint sum = Group.infinity();
        for (List<ECPoint> dealer : commitmentsByDealer) {
            sum = sum.add(dealer.get(0));
        }
        return sum.normalize();
    }
}
