// An identity of the running Acta executable that changes whenever its code does: the GNU build ID the
// linker puts in the program (read from memory), else the executable's bytes. The build cache keys on it,
// so a rebuilt Acta never reuses what an older one made.
#pragma once

#include <string>

namespace acta {

std::string executable_identity();

}  // namespace acta
