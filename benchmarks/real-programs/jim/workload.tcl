# A Jim Tcl workload for the real-program corpus: recursion, a list sorted and counted by prefix in
# a dict, string building, an array, and a list grown at its head. Every line it prints is a
# result the native build must print too.
proc fib {n} {
  if {$n < 2} { return $n }
  expr {[fib [expr {$n - 1}]] + [fib [expr {$n - 2}]]}
}
puts "fib 27 = [fib 27]"

set words {}
for {set i 0} {$i < 100000} {incr i} { lappend words "w[expr {($i * 7919) % 10007}]" }
set sorted [lsort $words]
puts "sorted [llength $sorted] first [lindex $sorted 0] last [lindex $sorted end]"

set counts [dict create]
foreach w $words { dict incr counts [string range $w 0 2] }
puts "prefixes [dict size $counts] w10 [dict get $counts w10]"

set s ""
for {set i 0} {$i < 100000} {incr i} { append s [format %04x [expr {$i & 0xffff}]] }
puts "string length [string length $s] first abcd at [string first abcd $s]"

array set a {}
for {set i 0} {$i < 150000} {incr i} { set a([expr {$i % 977}]) $i }
set sum 0
foreach k [array names a] { incr sum $a($k) }
puts "array [array size a] sum $sum"

set l [list]
for {set i 0} {$i < 6000} {incr i} { set l [linsert $l 0 $i] }
puts "list [llength $l] [lindex $l 100] [join [lrange $l 0 4] ,]"
