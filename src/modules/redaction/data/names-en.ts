// Maintained lists of romanised Japanese names and common English first and last names, from general knowledge.
// Words that are also ordinary English (May, Will, Grace, …) are left out on purpose.

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

export const ROMAJI_SURNAMES = words(`
sato suzuki takahashi tanaka ito watanabe yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue
kimura hayashi saito shimizu yamazaki mori ikeda hashimoto abe ishikawa yamashita nakajima ishii ogawa maeda okada hasegawa
fujita goto kondo murakami endo aoki sakamoto fukuda ota nishimura fujii kaneko okamoto fujiwara nakano miura harada nakagawa
matsuda takeuchi ono tamura nakayama wada ishida morita ueda hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi
ando shimada taniguchi oono takada maruyama imai kono fujimoto murata takeda ueno sugiyama masuda koyama otsuka hirano sugawara
kubo matsui chiba iwasaki sakurai kinoshita noguchi matsuo kikuchi nomura arai sano sugimoto furukawa kojima nishida ichikawa
kitamura mizuno komatsu igarashi nakanishi yoshikawa yamauchi hattori kawaguchi iida takano yoshimura iwata nagai koike
kuwabara matsushita higuchi kubota tsuji okubo araki akiyama kuroda nakata asano kumagai tsuchiya hoshino ohashi oda naito
yasuda matsuoka hayakawa hori katayama mochizuki kurihara taguchi oishi noda nishikawa iwamoto sekiguchi uehara imamura hirai
sudo miyashita matsumura morimoto nakai matsuura yoshioka konishi miyata otani takayama ishihara honma kawakami oshima okumura
sakaguchi nishiyama kawai fukui hosokawa kitagawa ishizuka yano ninomiya nitta ishibashi hamada hirose yokota ozaki omori
inagaki nishino morikawa kanai konno yoshino kanno nemoto yamanaka mizutani sawada sugiura hirayama iizuka shinohara nagata
ogura doi iwai shiraishi furuta miyake moriyama yagi koizumi terada sakata takenaka kashiwagi saeki kataoka muto wakabayashi
`);

export const ROMAJI_GIVEN_NAMES = words(`
taro jiro saburo ichiro kenichi kenji kenta sho shota shohei daisuke daiki hiroto makoto manabu hiroshi koji koichi takashi kazuya
takuya tatsuya naoki tomoya tetsuya yuichi yuta yuto ren haruto minato itsuki yuma sota riku osamu tsuyoshi shigeru kiyoshi isamu
susumu minoru yutaka satoshi ryo ryota shun kaito yota kosuke shintaro shunsuke kei wataru hideki masato masaki masayuki akira
yuki ken takahiro tomohiro kazuhiro yoshihiro masahiro hideo nobuo kenta takeshi hiroyuki kazuki yusuke keisuke ryosuke daichi shinji takumi kohei kenta jun toru atsushi hajime
hanako misaki yoko yumi ai megumi keiko yuko kazuko sachiko kyoko kumiko mayumi naomi tomoko noriko miho mika mai aya ayaka
yui aoi hina rin yuna sakura mari mao miyu nanami mei riko hana saori kaori chihiro nana rie miki tomomi atsuko junko akiko
sanae yuka kanako sayaka ayumi hitomi yoshiko haruka asuka emi yumiko naoko eri erika natsuki akemi yukiko mariko reiko
`);

export const EN_GIVEN_NAMES = words(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony donald steven paul andrew
joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas
zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
bryan joe bruce albert gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily
donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann
teresa kathryn sara janice jean alice madison doris abigail julia judy sophia marie alex chris mike tom bob jim dave dan sam ben
tim nick steve tony matt kate jane sue liz anne claire sophie lucy oliver harry charlie lily chloe mia ella isabella ava liam
lucas mason emily wei li ming jin min hyun ji priya raj amit anil sunil rahul
`);

export const EN_SURNAMES = words(`
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas taylor
moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright scott
torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz
parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed
kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo
sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales
fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant
herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington
kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw
snyder mason dixon munoz hunt hicks holmes palmer wagner robertson boyd stone salazar fox warren mills meyer rice schmidt garza
daniels ferguson nichols stephens soto weaver gardner payne grant dunn spencer hawkins arnold pierce hansen peters santos hart
bradley knight elliott cunningham duncan armstrong hudson carroll lane riley andrews berry perkins hoffman johnston matthews
richards willis carpenter wang zhang liu yang huang zhao wu zhou park choi kang singh kumar sharma muller schneider fischer weber
`);

// Given names that are also ordinary words: never a name alone, but a name before a surname ("Mark Baker").
export const EN_GIVEN_WORDS = words(`
mark bill grace rose jack frank ray dawn don pat rob gene nick penny ruby amber jade iris holly ivy sandy gail lance
dean drew chase rich rex jay kit ken jun ai mari rin ren sho mao nana emi rie kei
`);

// Lower-case words inside names of many cultures: "Pieter van der Berg", "Abdullah bin Rashid", "Maria de la Cruz".
export const NAME_PARTICLES = words(`van von der den de del della di da dos das du la le bin binti ibn al el ter ten y`);
