/**
 * Common English words, lower case: what word segmentation may split a run-on into and what makes
 * a lower-case word a word rather than a fragment. A compact list curated for Sichter from general
 * and news vocabulary (no third-party word list; same licence as the project). Names are left out
 * on purpose: a name is kept whole, never split.
 */
export const ENGLISH_WORDS = `
a about above across act action actor add address affair after afternoon again against age agency
agenda ago agree agreement ahead aid aim air airline airport alarm alert all allow almost alone
along already also although always ambassador america american among amount an analysis and
angry animal announce annual another answer anti any anyone appeal appear apple area arena argue
arm armed army around arrest arrive art article as ask assembly asylum at attack attempt attend
attention audience author authority autumn available average avoid award away baby back bad bail
balance ball ban bank bar base basket battle be beach bear beat beautiful because become bed been
before begin behind believe below benefit best better between beyond big bill billion bird birth
black blast block blood blue board boat body bomb bond book border born both bottom box boy brain
branch brand brave bread break breaking bridge brief bright bring broad broadcast brother brown
budget build building burn bus business but buy by cabinet call camera camp campaign can cancer
candidate capital captain car card care career cargo carry case cash cast cat catch cause
celebration census centre center century ceremony chairman challenge champion championship chance
change channel charge charity chart chase check chemical chief child children china choice choose
church cinema circle citizen city civil claim class clean clear climate clinic clock close closed
cloud club coach coal coast code coffee cold collapse college colour color come comment commission
committee common community company compare competition complete concern concert condition
conference confirm conflict congress consider construction consumer contact continue contract
control cook cool copy corner correspondent cost council count country county couple course court
cover crash create credit crime crisis critic crop cross crowd crown cruise culture cup current
custom cut cycle daily damage dance danger dark data date daughter day dead deal death debate debt
decade decide decision deep defeat defence defense deficit delay deliver demand democracy
democrat democratic department deputy describe desert design despite detail develop development
device die diet different difficult digital dinner direct direction director disaster discover
disease district do doctor dog dollar door double down dozen draft drama draw dream dress drink
drive driver drop drought drug dry during duty each early earn earth earthquake east easy eat
economic economist economy edge edition editor education effect effort egg eight either election
electric electricity else emergency empire employee end enemy energy engine enjoy enough enter
entire environment equal escape europe european even evening event ever every evidence exactly
example exchange exhibition exist exit expect expected expert explain explosion export express
face fact factory fail fair faith fall false family famous fan far farm farmer fashion fast
father fear feature federal fee feel festival few field fight fighter figure file fill film final
finance financial find fine fire firefighter firm first fish five flag flat flight flood floor
flow flower fly focus follow food foot football for force foreign forest forget form former
forward four fraud free freedom fresh friend from front fuel full fun fund funeral future gain
game gang garden gas gate general generation get giant gift girl give glass global go goal gold
golden good government governor grand grant great green ground group grow growth guard guest guide
gun half hall hand happen happy harbour harbor hard head health hear heart heat heatwave heavy
help her here hero high highway hill him his historic history hit hold holiday home hope hospital
host hot hotel hour house housing how however huge human hundred hunger hurricane ice idea if
image immigration impact import important in inch include income increase independent index
industry inflation information injury inquiry inside instead interest interior international
interview into investigation investment island issue it job join joint journalist judge jump
just justice keep key kid kill killed king kitchen know labour labor lack lady lake land
language large last late later launch law lawyer lead leader league learn least leave left leg
legal less let letter level liberal library life light like limit line list listen little live
living local lock long look lose loss lost lot love low machine main major majority make man
manager many map march mark market marriage mass match matter may mayor me measure media medical
meet meeting member memory men message metal middle might migrant mile military million mind
mine minister ministry minute miss missile mission model modern moment money month moon more
morning most mother motor motorway mountain move movie much murder museum music must my name
nation national natural nature near nearly need network never new news next night nine no noon
north northern not note nothing now nuclear number nurse object ocean of off offer office officer
official often oil old on once one only open opening operation opinion opposition or order other
our out outside over own owner pace page paid pain palace panel paper parent park parliament
part party pass passenger past patient pay peace people per percent period person picture piece
place plan plane plant play player please plus point police policy political politics poll
pollution pool poor popular population port position possible post pound power premier prepare
present president press pressure prevent price prime prince prison private prize problem process
produce product production professor program programme project promise protect protest prove
provide public pull push put quarter queen question quick quiet race radio rail rain raise
rally range rate reach read ready real reason record red reform refugee region release remain
report reporter republic republican rescue research researcher reserve resident result return
review rich ride right rise risk river road rock role room round rule run rural safe safety sale
same save say scene school science score sea search season seat second secret secretary security
see seek sell senate senator send senior series serious serve service session set settle seven
share she ship shock shoot shop short shot show side sign signal since singer single sister site
six size skill sky small smoke snow so social society soldier some son song soon south southern
space speak speaker special speech spend spokesman spokeswoman sport spread spring square staff
stage stand star start state station stay steel step still stock stop store storm story street
strike strong student study style subject success such suffer summer summit sun supply support
supreme sure surgery system table take talk tax teacher team tech technology television tell ten
term terror test than thank that the theatre their them then there these they thing think third
this those though thousand threat three through ticket tide time title to today together toll
tomorrow tonight too top total tour tourist toward town trade traffic train transport travel
treat treaty tree trial trip troop trouble truck true trust truth try turn two under union unit
united university until up update urban us use value values very victim victory video view
village violence visit voice vote voter wage wait walk wall want war warm warning watch water
wave way we weapon wear weather week weekend welcome well west western what when where which
while white who whole why wide wife wild wildfire will win wind window winner winter with within
without witness woman women wood word work worker world worry write writer wrong year yellow yes
yet you young youth zone
korea russia ukraine france germany britain spain italy poland turkey iran iraq israel syria
egypt india japan canada mexico brazil africa asia australia portugal ireland greece austria
sweden norway denmark finland
`
  .split(/\s+/)
  .filter((w) => w.length > 0);
