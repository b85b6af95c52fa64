// The blog's XOR epoch written by hand as flat loops over arrays, variable sizes: the floor for nn4j's XOR epoch.
// Not part of the build; run it with `java nn-benchmarks/floor/XorFloorVariable.java` (JDK 11+ runs a single source file).
// It prints nanoseconds per epoch (ten rounds of a million epochs, the weights reset every 1,000 epochs as
// compare.sh does) and, last, the cost of one Math.exp. docs/performance.md compares the two variants:
//   XorFloorConstant  sizes are literals (4 rows, 2 inputs, 4 hidden): C2 unrolls every loop completely
//   XorFloorVariable  the same code with the sizes in fields, as any size-generic framework must have them
public class XorFloorVariable {
  static double[] w1=new double[8], b1=new double[4], w2=new double[4], b2=new double[1];
  static final double[] X={0,0,0,1,1,0,1,1}, Y={0,1,1,0};
  static double sig(double x){ x=Math.max(-250,Math.min(250,x)); return 1.0/(1.0+Math.exp(-x)); }
  static int N=4,I=2,H=4,O=1; static double[] z1=new double[16], a1=new double[16], a2=new double[4], d2=new double[4], d1=new double[16];
  static double epoch(double lr){
    for(int i=0;i<N;i++){ for(int j=0;j<H;j++){ double s=0; for(int p=0;p<I;p++) s+=X[i*I+p]*w1[p*H+j]; a1[i*H+j]=sig(s+b1[j]); }
      double s=0; for(int j=0;j<H;j++) s+=a1[i*H+j]*w2[j]; a2[i]=sig(s+b2[0]); }
    double loss=0; for(int i=0;i<N;i++){ double d=a2[i]-Y[i]; loss+=d*d; d2[i]=0.5*d*a2[i]*(1-a2[i]); }
    for(int i=0;i<N;i++) for(int j=0;j<H;j++) d1[i*H+j]=d2[i]*w2[j]*a1[i*H+j]*(1-a1[i*H+j]);
    for(int j=0;j<H;j++){ double g=0; for(int i=0;i<N;i++) g+=a1[i*H+j]*d2[i]; w2[j]-=lr*g; }
    double gb=0; for(int i=0;i<N;i++) gb+=d2[i]; b2[0]-=lr*gb;
    for(int p=0;p<I;p++) for(int j=0;j<H;j++){ double g=0; for(int i=0;i<N;i++) g+=X[i*I+p]*d1[i*H+j]; w1[p*H+j]-=lr*g; }
    for(int j=0;j<H;j++){ double g=0; for(int i=0;i<N;i++) g+=d1[i*H+j]; b1[j]-=lr*g; }
    return loss/4;
  }
  public static void main(String[] a){
    java.util.Random r=new java.util.Random(1); for(int i=0;i<8;i++) w1[i]=r.nextDouble()*2-1; for(int i=0;i<4;i++){w2[i]=r.nextDouble()*2-1;b1[i]=r.nextDouble()*2-1;}
    double[] s1=w1.clone(), s2=w2.clone(), s3=b1.clone();
    for(int rep=0;rep<10;rep++){ long t=System.nanoTime(); double l=0; for(int e=0;e<1000000;e++){ if(e%1000==0){System.arraycopy(s1,0,w1,0,8);System.arraycopy(s2,0,w2,0,4);System.arraycopy(s3,0,b1,0,4);b2[0]=0.1;} l+=epoch(0.2);} System.out.println((System.nanoTime()-t)/1e6+" ns/epoch "+l); }
    double x=0; long t=System.nanoTime(); for(int i=0;i<20000000;i++) x+=Math.exp(-(i&1023)*0.001); System.out.println("exp "+(System.nanoTime()-t)/2e7+" ns "+x);
  }
}
